import { attachmentDisposition, safeFileName } from './attachment.js';

describe('download file names', () => {
  it('keeps a Chinese name in filename* and gives old clients an ASCII name with the same extension', () => {
    expect(attachmentDisposition('鄂州市行政审批局2020年报.pdf', 'report-12')).toBe(
      `attachment; filename="report-12.pdf"; filename*=UTF-8''%E9%84%82%E5%B7%9E%E5%B8%82%E8%A1%8C%E6%94%BF%E5%AE%A1%E6%89%B9%E5%B1%802020%E5%B9%B4%E6%8A%A5.pdf`,
    );
  });

  it("escapes the characters RFC 5987 does not allow unencoded: ' ( ) * !", () => {
    expect(attachmentDisposition("年报(2024)'终稿'*!.docx", 'r')).toContain(`filename*=UTF-8''%E5%B9%B4%E6%8A%A5%282024%29%27%E7%BB%88%E7%A8%BF%27%2A%21.docx`);
  });

  it('drops folders, quotes, line breaks and leading dots, so the header cannot be split or point elsewhere', () => {
    expect(safeFileName('C:\\fakepath\\..\\年报.html')).toBe('年报.html');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a"\r\nSet-Cookie: x=1.txt')).toBe('aSet-Cookie: x=1.txt');
    expect(safeFileName('...hidden')).toBe('hidden');
    expect(safeFileName('\u0000', 'report-3')).toBe('report-3');
    expect(attachmentDisposition('report "final".txt')).toBe(`attachment; filename="report final.txt"; filename*=UTF-8''report%20final.txt`);
  });
});
