import { errorPage, wantsErrorPage } from './error-page.js';

/** The `accepts` of Express for an Accept header, enough for these cases: the first type listed that the header allows. */
const request = (method: string, accept: string) => ({
  method,
  accepts: (types: string[]) => {
    if (accept.includes('text/html')) return types.includes('html') && !accept.startsWith('application/json') ? 'html' : types[0]!;
    return types[0]!;
  },
});

describe('errors opened in a browser', () => {
  it('are a page for a browser navigation, JSON for programs', () => {
    expect(wantsErrorPage(request('GET', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'))).toBe(true);
    expect(wantsErrorPage(request('GET', '*/*'))).toBe(false);
    expect(wantsErrorPage(request('POST', 'text/html'))).toBe(false);
  });

  it('show the message, the code and the way back, with the message escaped', () => {
    const page = errorPage({ status: 403, code: 'ROLE_NOT_ALLOWED', message: '您的角色不能使用此功能 <b>。Your role may not use this.' });
    expect(page).toContain('您的角色不能使用此功能 &#60;b&#62;。Your role may not use this.');
    expect(page).toContain('<code>ROLE_NOT_ALLOWED</code>（HTTP 403）');
    expect(page).toContain('<a href="/">返回观测台');
    expect(page).not.toContain('<b>');
  });
});
