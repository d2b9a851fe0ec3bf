import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The files named by `paths`: files as given, folders walked recursively (hidden entries skipped), in a stable
 * order. A path that does not exist is returned as is, so the ingest answers it with FILE_NOT_FOUND.
 */
export async function listFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    const info = await stat(full).catch(() => null);
    if (info?.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}
