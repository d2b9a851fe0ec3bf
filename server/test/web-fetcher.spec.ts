/**
 * The fetcher against a local site that misbehaves the ways real sites do: every failure is answered with its
 * code, bounded in size and time, and nothing outside 127.0.0.1 is ever contacted (blocked addresses are refused
 * before connecting; host names resolve through an injected resolver).
 */
import { parseCidr, type AddressPolicy } from '../src/common/net/address-policy.js';
import { HostRateLimiter } from '../src/modules/collect/fetch/host-rate-limiter.js';
import { WebFetcher, type FetchOutcome, type ResolvedAddress, type WebFetcherSettings } from '../src/modules/collect/fetch/web-fetcher.js';
import { COLLECTOR_USER_AGENT } from '../src/common/product.js';
import { startAgencySite, type AgencySite } from './helpers/agency-site.js';

let site: AgencySite;
const resolved: string[] = [];

/** Every name resolves to 127.0.0.1 (the site); the names asked for are recorded. No real DNS is used. */
const localResolver = async (hostname: string): Promise<ResolvedAddress[]> => {
  resolved.push(hostname);
  return [{ address: '127.0.0.1', family: 4 }];
};

function fetcher(overrides: Partial<WebFetcherSettings> = {}): WebFetcher {
  return new WebFetcher({
    policy: { allowPrivateNetworks: true, allowedNetworks: [] },
    maxBytes: 2 * 1024 * 1024,
    // Generous: the machine is busy; the tests of the bounds set their own.
    timeoutMs: 30_000,
    idleTimeoutMs: 15_000,
    maxRedirects: 5,
    userAgent: COLLECTOR_USER_AGENT,
    limiter: new HostRateLimiter(0),
    resolve: localResolver,
    ...overrides,
  });
}

/** The site may be reached, every other private address is refused: what a deployment with an intranet allow-list does. */
const onlyTheSite: AddressPolicy = { allowPrivateNetworks: false, allowedNetworks: [parseCidr('127.0.0.1/32')!] };

const codeOf = (o: FetchOutcome) => (o.ok ? 'ok' : o.error.code);

beforeAll(async () => {
  site = await startAgencySite();
});

afterAll(async () => {
  await site?.close();
});

describe('fetching a page', () => {
  it('gets the bytes, the charset from the header, and a file name; the user agent names the product; no cookie is sent back', async () => {
    const f = fetcher();
    const page = await f.fetch(`${site.base}/pingtan/nb/2021/t20220208_80613.htm`);
    expect(page).toMatchObject({ ok: true, status: 200, charset: 'gbk', fileName: 't20220208_80613.htm' });
    const ua = site.headersOf('/pingtan/nb/2021/t20220208_80613.htm')?.['user-agent'];
    expect(Buffer.from(ua ?? '', 'latin1').toString('utf8')).toBe(COLLECTOR_USER_AGENT);
    expect(COLLECTOR_USER_AGENT).toMatch(/^OGI-Observatory\/\d+\.\d+\.\d+ \(\+政府信息公开年报观测台\)$/);

    const cookie = await f.fetch(`${site.base}/set-cookie`);
    expect(cookie).toMatchObject({ ok: true, finalUrl: `${site.base}/echo` });
    expect(site.headersOf('/echo')?.cookie).toBeUndefined();
    expect(site.headersOf('/echo')?.authorization).toBeUndefined();
  });

  it('names a downloaded attachment from Content-Disposition, and decompresses gzip', async () => {
    const f = fetcher();
    const pdf = await f.fetch(`${site.base}/hongze/download?id=2023`);
    expect(pdf).toMatchObject({ ok: true, fileName: '洪泽区2023年政府信息公开工作年度报告.pdf' });
    expect(pdf.ok && pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const gz = await f.fetch(`${site.base}/gzip.html`);
    expect(gz.ok && gz.bytes.toString('utf8')).toContain('平潭综合实验区2021年度政府信息公开工作年度报告');
  });

  it('connects to the address it checked: a host name is resolved once, by the checked resolver, and sent as Host', async () => {
    resolved.length = 0;
    const page = await fetcher().fetch(`http://reports.example.gov.cn:${site.port}/echo`);
    expect(page).toMatchObject({ ok: true });
    expect(resolved).toEqual(['reports.example.gov.cn']);
    expect(site.headersOf('/echo')?.host).toBe(`reports.example.gov.cn:${site.port}`);
  });
});

describe('what a clerk is told when a site fails', () => {
  it('a dead link is HTTP_404', async () => {
    expect(codeOf(await fetcher().fetch(`${site.base}/dead.html`))).toBe('HTTP_404');
  });

  it('a redirect loop is REDIRECT_LOOP, a chain longer than 5 hops TOO_MANY_REDIRECTS', async () => {
    const before = site.stats.requests.length;
    expect(codeOf(await fetcher().fetch(`${site.base}/loop/a`))).toBe('REDIRECT_LOOP');
    expect(site.stats.requests.slice(before)).toEqual(['/loop/a', '/loop/b']);
    expect(codeOf(await fetcher().fetch(`${site.base}/hops/0`))).toBe('TOO_MANY_REDIRECTS');
  });

  it('a server that sends too slowly is stopped by the total time bound (TIMEOUT)', async () => {
    const outcome = await fetcher({ timeoutMs: 1500, idleTimeoutMs: 1000 }).fetch(`${site.base}/slow`);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'TIMEOUT', message: expect.stringContaining('秒') } });
  });

  it('a server that never answers is stopped by the idle timeout (TIMEOUT)', async () => {
    expect(codeOf(await fetcher({ timeoutMs: 30_000, idleTimeoutMs: 800 }).fetch(`${site.base}/silent`))).toBe('TIMEOUT');
  });

  it('a 2 GB endless response is cut at the size limit: TOO_LARGE, and the site sent a tiny fraction of it', async () => {
    const seen = site.stats.endlessBytesSent.length;
    const heapBefore = process.memoryUsage().heapUsed;
    const endless = await fetcher({ maxBytes: 1024 * 1024 }).fetch(`${site.base}/endless`);
    expect(endless).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('1 MB') } });
    const [sent] = (await site.endlessClosed(seen + 1)).slice(seen);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('a declared 2 GB body is refused before reading it', async () => {
    const seen = site.stats.endlessBytesSent.length;
    expect(codeOf(await fetcher().fetch(`${site.base}/huge`))).toBe('TOO_LARGE');
    const [sent] = (await site.endlessClosed(seen + 1)).slice(seen);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('a gzip bomb is cut at the size limit after decompression', async () => {
    expect(codeOf(await fetcher().fetch(`${site.base}/gzip-bomb.html`))).toBe('TOO_LARGE');
  });

  it('a malformed address, another scheme, or one with credentials is INVALID_URL, and nothing is fetched', async () => {
    const before = site.stats.requests.length;
    for (const address of [
      'not a url',
      'ftp://example.gov.cn/a.pdf',
      'file:///etc/passwd',
      `http://user:pw@127.0.0.1:${site.port}/echo`,
      'javascript:alert(1)',
    ]) {
      expect([address, codeOf(await fetcher().fetch(address))]).toEqual([address, 'INVALID_URL']);
    }
    expect(codeOf(await fetcher().fetch(`${site.base}/redirect-to-file`))).toBe('INVALID_URL');
    expect(site.stats.requests.length).toBe(before + 1);
  });
});

describe('addresses that are not fetched unless the configuration allows them', () => {
  it('refuses loopback, private and link-local targets by default, before connecting', async () => {
    const safe = fetcher({ policy: { allowPrivateNetworks: false, allowedNetworks: [] } });
    const before = site.stats.requests.length;
    expect(await safe.fetch(`${site.base}/echo`)).toMatchObject({
      ok: false,
      error: { code: 'BLOCKED_ADDRESS', message: expect.stringContaining('127.0.0.1') },
    });
    expect(codeOf(await safe.fetch(`http://[::1]:${site.port}/echo`))).toBe('BLOCKED_ADDRESS');
    expect(codeOf(await safe.fetch(`http://[::ffff:127.0.0.1]:${site.port}/echo`))).toBe('BLOCKED_ADDRESS');
    expect(codeOf(await safe.fetch(`http://2130706433:${site.port}/echo`))).toBe('BLOCKED_ADDRESS');
    expect(codeOf(await safe.fetch('http://169.254.169.254/latest/meta-data/'))).toBe('BLOCKED_ADDRESS');
    // A name that resolves to a private address (DNS rebinding) is refused too.
    expect(codeOf(await safe.fetch(`http://intranet.example.gov.cn:${site.port}/echo`))).toBe('BLOCKED_ADDRESS');
    expect(site.stats.requests.length).toBe(before);
  });

  it('checks every redirect hop: a redirect to cloud metadata, a private network or this machine is BLOCKED_ADDRESS', async () => {
    const f = fetcher({ policy: onlyTheSite });
    expect(await f.fetch(`${site.base}/redirect-to-metadata`)).toMatchObject({
      ok: false,
      failedAt: 'http://169.254.169.254/latest/meta-data/',
      error: { code: 'BLOCKED_ADDRESS' },
    });
    expect(codeOf(await f.fetch(`${site.base}/redirect-to-private`))).toBe('BLOCKED_ADDRESS');
    // Here `localhost` resolves to ::1, which the allow-list (127.0.0.1/32 only) does not name.
    const loopbackV6 = fetcher({
      policy: onlyTheSite,
      resolve: async (name) => (name === 'localhost' ? [{ address: '::1', family: 6 }] : [{ address: '127.0.0.1', family: 4 }]),
    });
    const before = site.stats.requests.length;
    expect(codeOf(await loopbackV6.fetch(`${site.base}/redirect-to-localhost`))).toBe('BLOCKED_ADDRESS');
    expect(site.stats.requests.slice(before)).toEqual(['/redirect-to-localhost']);
  });
});
