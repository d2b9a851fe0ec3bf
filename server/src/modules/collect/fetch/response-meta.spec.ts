import iconv from 'iconv-lite';
import { charsetOf, fileNameFor, mediaTypeOf } from './response-meta.js';

describe('what the response headers say', () => {
  it('reads the charset and media type of a Content-Type', () => {
    expect(charsetOf('text/html; charset=GBK')).toBe('gbk');
    expect(charsetOf('text/html;charset="gb2312"')).toBe('gb2312');
    expect(charsetOf('text/html')).toBeNull();
    expect(charsetOf(null)).toBeNull();
    expect(mediaTypeOf('Application/PDF; name=x.pdf')).toBe('application/pdf');
  });
});

describe('the file name of fetched content', () => {
  const url = (s: string) => new URL(s);

  it('takes the server’s name: RFC 5987 UTF-8, raw UTF-8 or GBK bytes, percent-encoded', () => {
    expect(
      fileNameFor(url('https://x.gov.cn/download?id=1'), 'application/octet-stream', `attachment; filename*=UTF-8''${encodeURIComponent('2024年报.pdf')}`),
    ).toBe('2024年报.pdf');
    const rawUtf8 = Buffer.from('2024年报.pdf', 'utf8').toString('latin1');
    expect(fileNameFor(url('https://x.gov.cn/d'), null, `attachment; filename="${rawUtf8}"`)).toBe('2024年报.pdf');
    const rawGbk = iconv.encode('洪泽区年报.pdf', 'gbk').toString('latin1');
    expect(fileNameFor(url('https://x.gov.cn/d'), null, `attachment; filename="${rawGbk}"`)).toBe('洪泽区年报.pdf');
    expect(fileNameFor(url('https://x.gov.cn/d'), null, 'attachment; filename=%E5%B9%B4%E6%8A%A5.docx')).toBe('年报.docx');
  });

  it('else the last segment of the address, with the extension of its type when it has none', () => {
    expect(fileNameFor(url('https://x.gov.cn/zwgk/nb/t20240120_1.html'), 'text/html', null)).toBe('t20240120_1.html');
    expect(fileNameFor(url('https://x.gov.cn/files/%E5%B9%B4%E6%8A%A5'), 'application/pdf', null)).toBe('年报.pdf');
    expect(fileNameFor(url('https://x.gov.cn/'), 'text/html; charset=utf-8', null)).toBe('x.gov.cn.html');
  });

  it('never gives a path or control characters', () => {
    expect(fileNameFor(url('https://x.gov.cn/d'), null, 'attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFor(url('https://x.gov.cn/d'), null, 'attachment; filename="C:\\reports\\nb.pdf"')).toBe('nb.pdf');
    expect(fileNameFor(url('https://x.gov.cn/d'), null, 'attachment; filename="a\u0001b.pdf"')).toBe('a_b.pdf');
  });
});
