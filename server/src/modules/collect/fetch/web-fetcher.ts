/**
 * Fetches one address the way a careful crawler does, and never throws: every outcome is bytes or a FetchError
 * code a clerk can read.
 *
 * - The address is checked before anything is sent (http/https, no credentials); the host name is resolved and
 *   every address it resolves to is checked against the AddressPolicy; the socket then connects to the address
 *   that was checked (the resolver is given to the socket as its lookup), so DNS rebinding cannot slip a private
 *   address in between the check and the connection. IP literals are checked directly.
 * - Redirects are followed by hand, at most `maxRedirects` hops, each hop checked like the first; coming back to an
 *   address already visited is REDIRECT_LOOP.
 * - Size: a Content-Length above the limit is refused before reading; otherwise the body is streamed (decompressed
 *   if gzip/deflate/br) and the connection is cut as soon as it passes the limit, so an endless response costs at
 *   most the limit in memory.
 * - Time: a connect/idle timeout on the socket and a total time bound over all hops (waiting for the polite
 *   per-host rate does not count against the site).
 * - No cookies, no Authorization, no Referer; the User-Agent names the product. Nothing fetched is executed.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { FetchErrorCode } from '@ogi/domain';
import { isBlockedAddress, type AddressPolicy } from '../../../common/net/address-policy.js';
import { FetchError } from './fetch-error.js';
import { HostRateLimiter } from './host-rate-limiter.js';
import { charsetOf, fileNameFor } from './response-meta.js';
import { bareHostname, checkWebAddress } from './web-address.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface WebFetcherSettings {
  policy: AddressPolicy;
  /** Largest body accepted, in bytes (after decompression). */
  maxBytes: number;
  /** Total time for one address, over all its redirect hops. */
  timeoutMs: number;
  /** Longest wait for a connection, or between two pieces of data. */
  idleTimeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  limiter: HostRateLimiter;
  /** Name resolution (tests inject one to play DNS tricks); default: the system resolver. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface FetchedContent {
  ok: true;
  /** The address asked for. */
  url: string;
  /** Where the redirects ended: relative links resolve against it. */
  finalUrl: string;
  status: number;
  contentType: string | null;
  /** The charset named by the Content-Type header. */
  charset: string | null;
  fileName: string;
  bytes: Buffer;
}

export interface FetchFailure {
  ok: false;
  url: string;
  /** The hop that failed, when it was not the first. */
  failedAt: string | null;
  error: { code: FetchErrorCode; message: string };
}

export type FetchOutcome = FetchedContent | FetchFailure;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/msword,text/plain;q=0.9,*/*;q=0.5';

const systemResolve = async (hostname: string): Promise<ResolvedAddress[]> => dnsLookup(hostname, { all: true, order: 'verbatim' });

export class WebFetcher {
  private readonly resolve: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Header values are bytes on the wire: the product name is sent as UTF-8 (obs-text in HTTP's grammar). */
  private readonly userAgentHeader: string;

  constructor(private readonly settings: WebFetcherSettings) {
    this.resolve = settings.resolve ?? systemResolve;
    this.userAgentHeader = Buffer.from(settings.userAgent, 'utf8').toString('latin1');
  }

  get maxBytes(): number {
    return this.settings.maxBytes;
  }

  /** Fetches `address` (following redirects). Never throws; `signal` stops it (answered as TIMEOUT). */
  async fetch(address: string, signal?: AbortSignal): Promise<FetchOutcome> {
    let current: URL | null = null;
    let hop = 0;
    try {
      current = checkWebAddress(address);
      const visited = new Set<string>([current.href]);
      let budgetMs = this.settings.timeoutMs;
      for (;;) {
        await this.settings.limiter.acquire(current.host, signal);
        const started = Date.now();
        const response = await this.request(current, budgetMs, signal);
        budgetMs -= Date.now() - started;

        if (REDIRECT_STATUSES.has(response.status) && response.location) {
          const next = checkWebAddress(response.location, current);
          if (visited.has(next.href)) throw new FetchError('REDIRECT_LOOP');
          if (hop >= this.settings.maxRedirects) {
            throw new FetchError('TOO_MANY_REDIRECTS', `该网址跳转超过 ${this.settings.maxRedirects} 次，已停止。`);
          }
          visited.add(next.href);
          current = next;
          hop++;
          if (budgetMs <= 0) throw new FetchError('TIMEOUT');
          continue;
        }
        if (response.status < 200 || response.status > 299) throw statusError(response.status);
        return {
          ok: true,
          url: address,
          finalUrl: current.href,
          status: response.status,
          contentType: response.contentType,
          charset: charsetOf(response.contentType),
          fileName: fileNameFor(current, response.contentType, response.contentDisposition),
          bytes: response.body!,
        };
      }
    } catch (err) {
      const error = err instanceof FetchError ? err : this.describe(err);
      return { ok: false, url: address, failedAt: hop > 0 && current ? current.href : null, error: { code: error.code, message: error.message } };
    }
  }

  /** One request: the status and, for a 2xx answer, the whole bounded body. */
  private request(
    url: URL,
    budgetMs: number,
    outerSignal: AbortSignal | undefined,
  ): Promise<{ status: number; location: string | null; contentType: string | null; contentDisposition: string | null; body: Buffer | null }> {
    const hostname = bareHostname(url);
    if (isIP(hostname) && isBlockedAddress(hostname, this.settings.policy)) return Promise.reject(blocked(hostname));
    const transport = url.protocol === 'https:' ? https : http;

    return new Promise((resolve, reject) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let received = 0;
      let response: IncomingMessage | null = null;

      const finish = (err: unknown, value?: Parameters<typeof resolve>[0]) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        outerSignal?.removeEventListener('abort', onOuterAbort);
        if (err) {
          chunks.length = 0;
          response?.destroy();
          req.destroy();
          reject(err);
        } else resolve(value!);
      };
      const totalTimer = setTimeout(() => finish(new FetchError('TIMEOUT', timeoutMessage(this.settings.timeoutMs))), Math.max(1, budgetMs));
      const onOuterAbort = () => finish(new FetchError('TIMEOUT', '获取已被停止（服务正在关闭或任务被取消）。'));
      if (outerSignal?.aborted) {
        clearTimeout(totalTimer);
        reject(new FetchError('TIMEOUT', '获取已被停止（服务正在关闭或任务被取消）。'));
        return;
      }
      outerSignal?.addEventListener('abort', onOuterAbort, { once: true });

      const req = transport.request({
        protocol: url.protocol,
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        // A fresh connection per request: each one goes through the checked lookup.
        agent: false,
        lookup: this.checkedLookup(),
        timeout: this.settings.idleTimeoutMs,
        headers: {
          'user-agent': this.userAgentHeader,
          accept: ACCEPT,
          'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
      req.on('timeout', () => finish(new FetchError('TIMEOUT', idleMessage(this.settings.idleTimeoutMs))));
      req.on('error', (err) => finish(err));
      req.on('response', (res) => {
        response = res;
        const status = res.statusCode ?? 0;
        const header = (name: string) => {
          const v = res.headers[name];
          return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
        };
        const base = { status, location: header('location'), contentType: header('content-type'), contentDisposition: header('content-disposition') };
        if (status < 200 || status > 299) {
          // Nothing of an error or redirect body is needed: close the connection instead of reading it.
          res.destroy();
          return finish(null, { ...base, body: null });
        }
        const declared = Number(header('content-length'));
        if (Number.isFinite(declared) && declared > this.settings.maxBytes) return finish(tooLarge(this.settings.maxBytes));

        const encoding = (header('content-encoding') ?? '').trim().toLowerCase();
        const decoder =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? zlib.createGunzip()
            : encoding === 'deflate'
              ? zlib.createInflate()
              : encoding === 'br'
                ? zlib.createBrotliDecompress()
                : null;
        const body = decoder ?? res;
        if (decoder) {
          res.on('error', (err) => decoder.destroy(err));
          res.pipe(decoder);
        }
        body.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > this.settings.maxBytes) {
            decoder?.destroy();
            return finish(tooLarge(this.settings.maxBytes));
          }
          chunks.push(chunk);
        });
        body.on('error', (err) => finish(decoder ? new FetchError('FETCH_FAILED', '网站返回的压缩内容已损坏，无法解压。') : err));
        body.on('end', () => finish(null, { ...base, body: Buffer.concat(chunks) }));
        res.on('aborted', () => finish(new FetchError('FETCH_FAILED', '下载中途连接被网站断开，内容不完整。')));
      });
      req.end();
    });
  }

  /** Resolves, refuses if any address is blocked, and hands the socket exactly the addresses checked. */
  private checkedLookup(): LookupFunction {
    return (hostname, options, callback) => {
      this.resolve(hostname).then(
        (addresses) => {
          const family = typeof options.family === 'number' && options.family !== 0 ? options.family : null;
          const usable = family ? addresses.filter((a) => a.family === family) : addresses;
          const bad = addresses.find((a) => isBlockedAddress(a.address, this.settings.policy));
          if (bad) return callback(blocked(bad.address), '', 0);
          if (!usable.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
          if (options.all) return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, usable);
          callback(null, usable[0]!.address, usable[0]!.family);
        },
        (err: NodeJS.ErrnoException) => callback(err, '', 0),
      );
    };
  }

  /** A socket, TLS or DNS error as a clerk's error. */
  private describe(err: unknown): FetchError {
    const e = err as NodeJS.ErrnoException & { cause?: unknown };
    if (e instanceof FetchError) return e;
    const code = e?.code ?? '';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return new FetchError('DNS_FAILED');
    if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return new FetchError('TIMEOUT', idleMessage(this.settings.idleTimeoutMs));
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
      return new FetchError('FETCH_FAILED', '网站的 HTTPS 安全证书无效（过期、自签名或与域名不符），为防止内容被篡改，不予获取。');
    }
    if (code === 'ECONNREFUSED') return new FetchError('FETCH_FAILED', '网站拒绝连接（端口未开放或服务未运行）。');
    if (code === 'HPE_HEADER_OVERFLOW' || code.startsWith('HPE_')) return new FetchError('FETCH_FAILED', '网站返回的内容不符合 HTTP 协议，无法读取。');
    return new FetchError('FETCH_FAILED');
  }
}

function blocked(address: string): FetchError {
  return new FetchError('BLOCKED_ADDRESS', `该网址指向本机、内网或保留地址（${address}），出于安全考虑不予访问。`);
}

function tooLarge(maxBytes: number): FetchError {
  return new FetchError('TOO_LARGE', `网站返回的内容超过大小上限（${Math.round(maxBytes / 1024 / 1024) || '<1'} MB），已停止下载。`);
}

function timeoutMessage(ms: number): string {
  return `网站在 ${Math.round(ms / 1000)} 秒内没有传完内容，已停止下载。请稍后重试。`;
}

function idleMessage(ms: number): string {
  return `网站 ${Math.round(ms / 1000)} 秒没有响应，已停止。请稍后重试。`;
}

function statusError(status: number): FetchError {
  if (status === 404 || status === 410) return new FetchError('HTTP_404', `页面不存在（${status}）：链接可能已失效或网址有误。`);
  if (status === 401 || status === 403) return new FetchError('HTTP_403', `网站拒绝访问该页面（${status}）。`);
  if (status === 429) return new FetchError('HTTP_429');
  if (status >= 500 && status <= 599) return new FetchError('HTTP_5XX', `网站服务器出错（${status}），请稍后重试。`);
  return new FetchError('HTTP_ERROR', `网站返回了状态 ${status}，未能取得页面。`);
}
