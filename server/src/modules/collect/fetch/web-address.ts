/**
 * Checking and normalising the addresses a clerk types or a page links to, before anything is fetched.
 */
import { FetchError } from './fetch-error.js';

export const MAX_URL_LENGTH = 2048;

/**
 * The address as a URL, or a FetchError INVALID_URL: only http and https, no user name or password (the collector
 * never sends credentials), at most 2048 characters. The fragment is dropped (it never reaches the server).
 */
export function checkWebAddress(text: string, base?: string | URL): URL {
  const trimmed = text.trim();
  if (!trimmed) throw new FetchError('INVALID_URL', '网址为空。');
  if (trimmed.length > MAX_URL_LENGTH) throw new FetchError('INVALID_URL', `网址过长（超过 ${MAX_URL_LENGTH} 个字符）。`);
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    throw new FetchError('INVALID_URL', `网址格式不正确：${trimmed.slice(0, 200)}。请填写以 http:// 或 https:// 开头的完整网址。`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('INVALID_URL', `只能从 http:// 或 https:// 网址获取年报，不接受 ${url.protocol.replace(/:$/, '')} 地址。`);
  }
  if (url.username || url.password) throw new FetchError('INVALID_URL', '网址中含有用户名或密码：出于安全考虑，不使用带凭据的网址。');
  if (!url.hostname) throw new FetchError('INVALID_URL', '网址中缺少网站域名。');
  url.hash = '';
  return url;
}

/** The same address written the same way: for remembering what was fetched and fetching each address once. */
export function normaliseWebAddress(text: string): string {
  return checkWebAddress(text).href;
}

/** The host name without IPv6 brackets, as the resolver and socket want it. */
export function bareHostname(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}
