/** The product's name and version, as it introduces itself to other systems (the collector's User-Agent). */
import { readFileSync } from 'node:fs';

// server/package.json, from src/common or dist/common alike.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const PRODUCT_VERSION = pkg.version;

/** What the collector sends as User-Agent, so site operators can tell who is fetching their reports. */
export const COLLECTOR_USER_AGENT = `OGI-Observatory/${PRODUCT_VERSION} (+政府信息公开年报观测台)`;
