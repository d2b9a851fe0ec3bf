/** Real report files for tests: the sample reports, re-encoded copies, and many distinct agencies' reports. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';

export interface ReportFile {
  name: string;
  bytes: Buffer;
}

export async function sampleReports(): Promise<ReportFile[]> {
  const names = (await readdir(SEED_REPORTS_DIR)).filter((n) => !n.startsWith('.')).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(SEED_REPORTS_DIR, name)) })));
}

/** The same text as UTF-16 (little-endian, with a byte-order mark): other bytes, the same report. */
export function asUtf16(utf8: Buffer): Buffer {
  return Buffer.from(`\ufeff${utf8.toString('utf8')}`, 'utf16le');
}

/** The same text with Windows line ends: other bytes, the same report. */
export function withCrlf(utf8: Buffer): Buffer {
  return Buffer.from(utf8.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8');
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const SEED_AGENCY = '鄂州市行政审批局';

/** `count` reports of distinct agencies: the 鄂州 sample report issued under another agency name each time. */
export async function distinctAgencyReports(count: number, prefix = ''): Promise<(ReportFile & { agency: string })[]> {
  if (count > STEMS.length * BRANCHES.length) throw new Error('too many variants');
  const text = await readFile(join(SEED_REPORTS_DIR, '000_ezhou_xzspj_2020.txt'), 'utf8');
  return Array.from({ length: count }, (_, i) => {
    const agency = `鄂州市${prefix}${STEMS[i % STEMS.length]}${BRANCHES[Math.floor(i / STEMS.length)]}审批局`;
    return { agency, name: `report-${String(i).padStart(3, '0')}.txt`, bytes: Buffer.from(text.replaceAll(SEED_AGENCY, agency), 'utf8') };
  });
}
