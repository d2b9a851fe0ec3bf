import { isApiPath, withPageSession } from './dashboard.js';

describe('isApiPath', () => {
  it('keeps the API paths away from the dashboard fallback', () => {
    expect(isApiPath('/graphql')).toBe(true);
    expect(isApiPath('/api/uploads')).toBe(true);
    expect(isApiPath('/api')).toBe(true);
  });

  it('sends dashboard routes to the dashboard', () => {
    expect(isApiPath('/')).toBe(false);
    expect(isApiPath('/agencies/3')).toBe(false);
    expect(isApiPath('/reports/12/cells')).toBe(false);
    expect(isApiPath('/graphqlish')).toBe(false);
  });
});

describe('withPageSession', () => {
  const page = '<!doctype html><html><head><title>t</title></head><body><div id="app"></div></body></html>';
  const block = (html: string) => /<script id="ogi-session" type="application\/json">(.*?)<\/script>/.exec(html);

  it('puts the session at the end of the head as a data block the page reads back', () => {
    const session = { csrfToken: 'c', user: { id: '1', displayName: '王小明', agency: null } };
    const html = withPageSession(page, session);
    expect(html.indexOf('id="ogi-session"')).toBeLessThan(html.indexOf('</head>'));
    expect(JSON.parse(block(html)![1]!)).toEqual(session);
  });

  it('says null when nobody is signed in', () => {
    expect(block(withPageSession(page, null))![1]).toBe('null');
  });

  it('cannot be closed early by a value: every < is escaped', () => {
    const session = { user: { displayName: '</script><script>alert(1)</script><!--' } };
    const html = withPageSession(page, session);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(block(html)![1]!)).toEqual(session);
  });
});
