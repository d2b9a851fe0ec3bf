import iconv from 'iconv-lite';
import { decodeText, isValidUtf8 } from './decode-text.js';

describe('decodeText: which encoding the bytes are in', () => {
  const report = '二〇二三年政府信息公开工作年度报告';

  it('reads UTF-8, also when the download was cut inside the last character', () => {
    const bytes = Buffer.from(report, 'utf8');
    // 告 is three bytes (E5 91 8A): cut after one and after two of them.
    for (const cut of [1, 2]) {
      const truncated = bytes.subarray(0, bytes.length - cut);
      expect(isValidUtf8(truncated)).toBe(true);
      expect(decodeText(truncated).encoding).toBe('utf-8');
      expect(decodeText(truncated).text.startsWith('二〇二三年政府信息公开工作年度报')).toBe(true);
    }
  });

  it('reads GBK bytes as GB18030, not as broken UTF-8', () => {
    const bytes = iconv.encode(report, 'gbk');
    expect(isValidUtf8(bytes)).toBe(false);
    expect(decodeText(bytes)).toEqual({ text: report, encoding: 'gb18030' });
  });

  it('does not take a broken sequence in the middle for UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('年度', 'utf8'), Buffer.from([0xe5, 0x41]), Buffer.from('报告', 'utf8')]);
    expect(isValidUtf8(bytes)).toBe(false);
  });
});
