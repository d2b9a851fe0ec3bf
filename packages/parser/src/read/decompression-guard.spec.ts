import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../parse-report.js';
import { docxZipBomb, pdfStreamBomb } from '../testing/hostile-files.js';
import { MAX_INFLATED_PART_BYTES, guardPdfStreams, guardZipEntries } from './decompression-guard.js';

const MB = 1024 * 1024;
const refusal = async (bytes: Uint8Array, name: string) => {
  try {
    await parseReport(bytes, name);
    return null;
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
};

describe('files that inflate beyond the bound', () => {
  it('refuses a 130 KB PDF whose page stream inflates to 128 MB with FILE_TOO_LARGE, saying why', async () => {
    const bomb = pdfStreamBomb(128 * MB);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const answer = await refusal(bomb, 'report.pdf');
    expect(answer?.code).toBe('FILE_TOO_LARGE');
    expect(answer?.message).toMatch(/解压后超过 64 MB.*压缩炸弹/);
  });

  it('refuses a DOCX whose document entry declares 4 KB and inflates to 128 MB', async () => {
    const answer = await refusal(docxZipBomb(128 * MB), 'report.docx');
    expect(answer?.code).toBe('FILE_TOO_LARGE');
  });

  it('lets a stream or entry within the bound through to the reader', () => {
    expect(() => guardPdfStreams(pdfStreamBomb(MAX_INFLATED_PART_BYTES - 16 * MB))).not.toThrow();
    expect(() => guardZipEntries(docxZipBomb(16 * MB))).not.toThrow();
  });

  it('passes the real sample PDF', () => {
    const sample = readFileSync(join(import.meta.dirname, '..', '..', '..', 'corpus', 'reports', '001_huaian_shi_2024.pdf'));
    expect(() => guardPdfStreams(sample)).not.toThrow();
  });
});
