/** Where the repository and this package live on disk, found from this file's own location (src/ or dist/). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The @ogi/database package folder (the parent of src/ and dist/). */
export const DATABASE_PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The nearest folder at or above `start` holding pnpm-workspace.yaml: the repository root. */
export function findRepoRoot(start: string = DATABASE_PACKAGE_DIR): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`No pnpm-workspace.yaml found above ${start}: cannot locate the repository root.`);
    dir = up;
  }
}

/** The sample reports imported into an empty database (`db:reset`, first start): the corpus reports that parse. */
export const SEED_REPORTS_DIR = join(findRepoRoot(), 'packages', 'corpus', 'reports');

/** Where the product keeps its embedded PostgreSQL cluster unless DATA_DIR says otherwise. */
export function defaultDataDir(): string {
  return join(findRepoRoot(), '.data');
}
