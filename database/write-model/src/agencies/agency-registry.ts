/**
 * The agency registry's seed: canonical names, kind, level, parent and the other names reports print
 * (洪泽区人民政府 for 淮安市洪泽区人民政府, the OCR misreading 沐阳 for 沭阳). Loaded before the sample reports so
 * their printed names resolve to one agency each. Existing agencies are left as they are.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgencyKind, AgencyLevel, ReportScope } from '@ogi/domain';
import type { DataSource } from 'typeorm';

export interface RegistryAgency {
  name: string;
  kind: AgencyKind;
  level?: AgencyLevel;
  /** Name of the parent agency; it must come earlier in the list. */
  parent?: string;
  aliases?: string[];
  listingUrl?: string;
  /** What its reports usually cover: its own work (`self`) or its region (`region_aggregate`). */
  usualScope?: ReportScope;
}

/** The agency list seeded into an empty database (`seeds/` beside this package's src/ and dist/). */
export const SEED_AGENCIES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds', 'agencies.json');

export async function loadRegistryFile(file: string = SEED_AGENCIES_FILE): Promise<RegistryAgency[]> {
  return JSON.parse(await readFile(file, 'utf8')) as RegistryAgency[];
}

/** Adds the registry's agencies and aliases that are missing; returns how many agencies were added. */
export async function seedAgencyRegistry(dataSource: DataSource, agencies?: RegistryAgency[]): Promise<number> {
  const list = agencies ?? (await loadRegistryFile());
  return dataSource.transaction(async (m) => {
    let added = 0;
    for (const a of list) {
      const inserted: unknown[] = await m.query(
        `INSERT INTO agency (name, kind, level, parent_id, listing_url, usual_scope)
         VALUES ($1, $2, $3, (SELECT id FROM agency WHERE name = $4), $5, $6)
         ON CONFLICT (name) DO NOTHING RETURNING id`,
        [a.name, a.kind, a.level ?? null, a.parent ?? null, a.listingUrl ?? null, a.usualScope ?? null],
      );
      added += inserted.length;
      for (const alias of a.aliases ?? []) {
        await m.query(
          `INSERT INTO agency_alias (alias, agency_id, origin) SELECT $1, id, 'registry' FROM agency WHERE name = $2
           ON CONFLICT (alias) DO NOTHING`,
          [alias, a.name],
        );
      }
    }
    return added;
  });
}
