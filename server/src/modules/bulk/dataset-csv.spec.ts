import { csvChunks, csvLine } from './dataset-csv.js';

describe('the bulk download CSV', () => {
  it('quotes only what needs quoting, leaves missing values empty and keeps Chinese as UTF-8 text', () => {
    expect(csvLine([1, null, 0, 2.5, true, '鄂州市行政审批局', 'a,b', 'say "hi"', 'two\nlines', ' padded'])).toBe(
      '1,,0,2.5,true,鄂州市行政审批局,"a,b","say ""hi""","two\nlines"," padded"\r\n',
    );
  });

  it('writes the header, then the rows of every batch', async () => {
    async function* batches() {
      yield [[1, 'x']];
      yield [
        [2, null],
        [3, 'z'],
      ];
    }
    const chunks: string[] = [];
    for await (const c of csvChunks(['id', 'name'], batches())) chunks.push(c);
    expect(chunks.join('')).toBe('id,name\r\n1,x\r\n2,\r\n3,z\r\n');
  });
});
