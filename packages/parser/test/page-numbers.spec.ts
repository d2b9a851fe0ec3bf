/**
 * A page number is recognised by what it is — written as one (Page forms 第3页, - 3 -, 3/6), or a bare number in the
 * top or bottom margin that counts the pages, or, where the pages do not count, one centred on the page — and not by
 * being a lone number near the edge of a page: a table row broken over a page prints its 总计 alone at the very
 * top of the next page, and that is a cell of the table.
 */
import { readDocument } from '../src/read/read-document.js';
import { pagedPdf, type PlacedText } from './support/pdf.js';

/** A page of report text with one table row of seven values, printed at `y`. */
const pageWith = (y: number, values: string[], extra: PlacedText[] = []): PlacedText[] => [
  { text: 'Annual report of government information disclosure, continued on this page.', x: 72, y: 400 },
  { text: 'Row label', x: 72, y },
  ...values.map((v, i) => ({ text: v, x: 300 + 40 * i, y })),
  ...extra,
];
const lines = async (pdf: Uint8Array) => (await readDocument(pdf, 'report.pdf')).text.split('\n');

describe('page numbers and lone numbers in the margins of a PDF', () => {
  it('drops bare page numbers that count the pages (bottom right), and keeps a 总计 alone at the top of a page', async () => {
    const pdf = pagedPdf([
      pageWith(600, ['1', '0', '0', '0', '0', '0', '1'], [{ text: '1', x: 560, y: 30 }]),
      // The row's 总计 printed at the very top of page 2, where a page number could be: not in the count.
      pageWith(
        720,
        ['21', '0', '0', '0', '0', '0'],
        [
          { text: '21', x: 540, y: 760 },
          { text: '2', x: 560, y: 30 },
        ],
      ),
      pageWith(600, ['3', '0', '0', '0', '0', '0', '3'], [{ text: '3', x: 560, y: 30 }]),
    ]);
    const text = await lines(pdf);
    expect(text.filter((l) => /^\d+$/.test(l.trim()))).toEqual([]);
    // The 总计 joins the rest of its row, printed lower down.
    expect(text).toContain(['Row label', '21', '0', '0', '0', '0', '0', '21'].join('\t'));
  });

  it('drops page numbers at the top centre that count the pages from an offset (a cover page unnumbered)', async () => {
    const pdf = pagedPdf([
      pageWith(600, ['5', '0', '0', '0', '0', '0', '5']),
      pageWith(600, ['6', '0', '0', '0', '0', '0', '6'], [{ text: '1', x: 303, y: 770 }]),
      pageWith(600, ['7', '0', '0', '0', '0', '0', '7'], [{ text: '2', x: 303, y: 770 }]),
    ]);
    const text = await lines(pdf);
    expect(text.filter((l) => /^\d+$/.test(l.trim()))).toEqual([]);
    expect(text.filter((l) => l.startsWith('Row label'))).toHaveLength(3);
  });

  it('drops page numbers written as such (第 N 页, - N -, N / M), wherever they stand in the margin', async () => {
    const pdf = pagedPdf([
      pageWith(600, ['1', '0', '0', '0', '0', '0', '1'], [{ text: '- 1 -', x: 480, y: 30 }]),
      pageWith(600, ['2', '0', '0', '0', '0', '0', '2'], [{ text: '1 / 2', x: 80, y: 30 }]),
    ]);
    const text = await lines(pdf);
    expect(text.some((l) => l.includes('- 1 -') || l.includes('1 / 2'))).toBe(false);
  });

  it('in a one-page document, drops a bare number centred at the foot as its page number, and keeps one at the side', async () => {
    const centred = await lines(pagedPdf([pageWith(600, ['1', '0', '0', '0', '0', '0', '1'], [{ text: '1', x: 303, y: 30 }])]));
    expect(centred.filter((l) => /^\d+$/.test(l.trim()))).toEqual([]);
    const aside = await lines(pagedPdf([pageWith(600, ['1', '0', '0', '0', '0', '0', '1'], [{ text: '12', x: 540, y: 760 }])]));
    expect(aside.some((l) => l.split('\t').includes('12'))).toBe(true);
  });
});
