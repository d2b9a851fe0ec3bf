/**
 * A ParsedReport built from the seed report's expected parse (shared corpus), for tests of the store path that
 * must not depend on the parser. The findings are those @ogi/domain's rules give on its tables.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, type ParsedReport, type ParsedReportCore } from '@ogi/domain';

const here = dirname(fileURLToPath(import.meta.url));
export const SEED_REPORT_FILE = join(here, '..', '..', '..', 'packages', 'corpus', 'reports', '000_ezhou_xzspj_2020.txt');
export const SEED_EXPECTED_FILE = join(here, '..', '..', '..', 'packages', 'corpus', 'expected', '000_ezhou_xzspj_2020.json');

export function loadExpectedReport(): ParsedReport {
  const core = JSON.parse(readFileSync(SEED_EXPECTED_FILE, 'utf8')) as ParsedReportCore;
  return {
    ...core,
    scope: 'self',
    format: 'text',
    encoding: 'utf-8',
    text: readFileSync(SEED_REPORT_FILE, 'utf8'),
    cells: [],
    narrative: [],
    findings: checkReport(core),
    notes: [],
    parserVersion: 'expected-json',
  };
}
