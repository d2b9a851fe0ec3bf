import { FetchError } from './fetch-error.js';
import { checkWebAddress, normaliseWebAddress } from './web-address.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (err) {
    return (err as FetchError).code;
  }
};

describe('addresses a clerk types or a page links to', () => {
  it('accepts http(s), drops the fragment, resolves relative links, keeps Chinese paths and IDN hosts working', () => {
    expect(normaliseWebAddress(' https://www.Example.gov.cn/zwgk/nb/#list ')).toBe('https://www.example.gov.cn/zwgk/nb/');
    expect(checkWebAddress('../2023/t1.htm', 'https://x.gov.cn/nb/list/index.html').href).toBe('https://x.gov.cn/nb/2023/t1.htm');
    expect(normaliseWebAddress('http://政府.cn/年报.html')).toBe('http://xn--mxtq1m.cn/%E5%B9%B4%E6%8A%A5.html');
  });

  it.each([
    '',
    'www.example.gov.cn/nb',
    'ftp://x.gov.cn/a.pdf',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<p>',
    'http://u:p@x.gov.cn/',
    `https://x.gov.cn/${'a'.repeat(2100)}`,
  ])('refuses %s as INVALID_URL', (address) => {
    expect(codeOf(() => checkWebAddress(address))).toBe('INVALID_URL');
  });
});
