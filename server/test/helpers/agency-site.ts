/**
 * A local stand-in for agencies' web sites (node:http on 127.0.0.1, a random port), serving the real corpus the
 * way such sites do: 政府信息公开年报 listing pages, report pages in GBK (charset in the header only, or in a meta
 * tag only) and UTF-8, report pages whose report is an attached PDF (by extension, or a download link with a
 * Content-Disposition name), a listing linking a spreadsheet (.xlsx) and a page attaching an old .xls, a text file, dead links, a slow server, a silent one, a redirect loop, a 2 GB
 * response that never ends, redirects to blocked addresses, gzip, cookies. Nothing outside 127.0.0.1 is used.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SEED_REPORTS_DIR, findRepoRoot } from '@ogi/database';
import iconv from 'iconv-lite';

const CORPUS_DIR = join(findRepoRoot(), 'packages', 'corpus', 'refused');
const seed = (name: string) => readFileSync(join(SEED_REPORTS_DIR, name));
const corpus = (name: string) => readFileSync(join(CORPUS_DIR, name));
/** The corpus re-made by LibreOffice (Calc spreadsheets among them), as the parser's tests keep it. */
const rendered = (name: string) => readFileSync(join(findRepoRoot(), 'packages', 'parser', 'test', 'rendered', name));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A scraped report's text as the article page it was scraped from: one paragraph per line. */
export function articlePage(text: string, options: { title: string; metaCharset?: string }): string {
  const meta = options.metaCharset ? `<meta http-equiv="Content-Type" content="text/html; charset=${options.metaCharset}">` : '';
  const body = text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head>${meta}<title>${escapeHtml(options.title)}</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div><div class="article">${body}</div>
<div class="footer">主办单位：人民政府办公室 <a href="/about.html">网站地图</a></div></body></html>`;
}

/** A 政府信息公开年报 column: a list of titled links with dates, plus the site's navigation and its pager. */
export function listingPage(title: string, items: { href: string; title: string; date?: string }[], pager = '共1页'): string {
  const lis = items
    .map(
      (i) =>
        `<li><a href="${i.href}" title="${escapeHtml(i.title)}" target="_blank">${escapeHtml(i.title.length > 24 ? `${i.title.slice(0, 22)}...` : i.title)}</a><span>${i.date ?? ''}</span></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<script>document.write('<a href="/script-link">不应被读取</a>');</script></head>
<body><div class="nav"><a href="/">首页</a><a href="/zwgk/gzyd.html">2024年政务公开工作要点</a><a href="/xzzx/">下载中心</a></div>
<h1>${escapeHtml(title)}</h1><ul class="list">${lis}</ul><div class="page">${pager}</div></body></html>`;
}

/** A report page whose report is an attached file. */
export function attachmentPage(title: string, link: { href: string; text: string }): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><div class="article"><h1>${escapeHtml(title)}</h1><p>发布日期：2024-01-20</p>
<p>${escapeHtml(title)}详见附件。</p><p><a href="${link.href}">${escapeHtml(link.text)}</a></p></div>
<div class="footer"><a href="/xzzx/">下载中心</a></div></body></html>`;
}

export interface SiteStats {
  /** Requests seen, by path. */
  requests: string[];
  /** Bytes the endless responses managed to send before the client hung up, once each has closed. */
  endlessBytesSent: number[];
}

export interface AgencySite {
  base: string;
  port: number;
  stats: SiteStats;
  /** The last request's headers for a path. */
  headersOf(path: string): IncomingMessage['headers'] | undefined;
  /** Replaces the body served at a path (a report republished with a change). */
  setPage(path: string, body: Buffer, contentType: string): void;
  /** Resolves when `n` endless responses have been closed by the client. */
  endlessClosed(n: number): Promise<number[]>;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startAgencySite(): Promise<AgencySite> {
  const stats: SiteStats = { requests: [], endlessBytesSent: [] };
  const headers = new Map<string, IncomingMessage['headers']>();
  const endlessWaiters: { n: number; resolve: (v: number[]) => void }[] = [];
  const pages = new Map<string, { body: Buffer; type: string }>();
  let base = '';

  const page =
    (body: Buffer | string, type = 'text/html'): Handler =>
    (_req, res) => {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
      res.end(bytes);
    };
  const redirect =
    (to: () => string, status = 302): Handler =>
    (_req, res) => {
      res.writeHead(status, { location: to() });
      res.end();
    };
  const notFound: Handler = (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body><h1>404 页面不存在</h1></body></html>');
  };
  const endless =
    (declaredLength: number | null): Handler =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(declaredLength ? { 'content-length': declaredLength } : {}) });
      const chunk = Buffer.alloc(64 * 1024, '<p>年报</p>');
      let sent = 0;
      let open = true;
      const pump = () => {
        // Respects backpressure: the test server itself never buffers the endless body.
        while (open && sent < 2 * 1024 ** 3) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (open) res.end();
      };
      res.on('close', () => {
        open = false;
        stats.endlessBytesSent.push(sent);
        for (const w of endlessWaiters.splice(0)) {
          if (stats.endlessBytesSent.length >= w.n) w.resolve([...stats.endlessBytesSent]);
          else endlessWaiters.push(w);
        }
      });
      pump();
    };
  /** Headers at once, then one byte every 200 ms, forever: only a total time bound stops it. */
  const drip: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write('<html><body>');
    const timer = setInterval(() => res.write(' '), 200);
    res.on('close', () => clearInterval(timer));
  };
  /** The same response as another path of the site (a portal that publishes one page at two addresses). */
  const servedAs =
    (path: string): Handler =>
    (req, res) =>
      routes[path]!(req, res);
  /** Accepts the request and never answers: the idle timeout stops it. */
  const silent: Handler = () => {};

  const gbk = (text: string) => iconv.encode(text, 'gbk');
  // 16 MB of spaces in about 16 KB: made once, not per request.
  const gzipBomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
  /** A scraped report re-published as its article page, without a meta charset. */
  const article = (file: string, title: string) => articlePage(seed(file).toString('utf8'), { title });
  const shuyangFgj = seed('016_shuyang_fgj_2023.html')
    .toString('utf8')
    .replace(/charset="?utf-8"?/gi, 'charset="gbk"');

  const routes: Record<string, Handler> = {
    // 平潭综合实验区: a GBK listing (charset in the header only) of GBK and UTF-8 article pages, one pre-2019.
    '/pingtan/nb/': page(
      gbk(
        listingPage('政府信息公开年报', [
          { href: '2023/t20240205_1.htm', title: '平潭综合实验区2023年度政府信息公开工作年度报告', date: '2024-02-05' },
          { href: './2021/t20220208_80613.htm', title: '平潭综合实验区2021年度政府信息公开工作年度报告', date: '2022-02-08' },
          { href: '/pingtan/nb/2019/t20200110.htm#content', title: '平潭综合实验区2019年度政府信息公开工作年度报告', date: '2020-01-10' },
          { href: '2018/t20190110_80529.htm', title: '平潭综合实验区2018年度政府信息公开工作年度报告', date: '2019-01-10' },
        ]).replace('<meta charset="utf-8">', ''),
      ),
      'text/html; charset=GBK',
    ),
    '/pingtan/nb/2023/t20240205_1.htm': page(
      gbk(articlePage(seed('011_pingtan_syq_2023.txt').toString('utf8'), { title: '2023年报', metaCharset: 'gb2312' })),
      'text/html',
    ),
    '/pingtan/nb/2021/t20220208_80613.htm': page(gbk(article('009_pingtan_syq_2021.txt', '2021年报')), 'text/html; charset=gbk'),
    '/pingtan/nb/2019/t20200110.htm': page(articlePage(seed('007_pingtan_syq_2019.txt').toString('utf8'), { title: '2019年报', metaCharset: 'utf-8' })),
    '/pingtan/nb/2018/t20190110_80529.htm': page(
      articlePage(corpus('014_pingtan_syq_2018_older.txt').toString('utf8'), { title: '2018年报', metaCharset: 'utf-8' }),
    ),

    // The same 2021 report in GBK declared nowhere (no header charset, no meta): only the content tells.
    '/undeclared/2021.htm': page(gbk(article('009_pingtan_syq_2021.txt', '2021年报')), 'text/html'),
    // ... and with a meta tag that is wrong (says UTF-8) while the header says GBK: the header wins.
    '/misdeclared/2021.htm': page(
      gbk(articlePage(seed('009_pingtan_syq_2021.txt').toString('utf8'), { title: '2021', metaCharset: 'utf-8' })),
      'text/html; charset=GBK',
    ),

    // The 平潭 column again, paged and newest first, on the portal's own addresses (the same pages as above): page 1
    // writes its pager with the content system's script, page 2 has a 下一页 link, page 3 is the last.
    '/pingtan-paged/nb/index.html': page(
      listingPage(
        '政府信息公开年报',
        [
          { href: '../2023.htm', title: '平潭综合实验区2023年度政府信息公开工作年度报告' },
          { href: '../2021.htm', title: '平潭综合实验区2021年度政府信息公开工作年度报告' },
        ],
        '<script>createPageHTML(3, 0, "index", "html");</script>',
      ),
    ),
    '/pingtan-paged/nb/index_1.html': page(
      listingPage(
        '政府信息公开年报',
        [{ href: '../2019.htm', title: '平潭综合实验区2019年度政府信息公开工作年度报告' }],
        '<a href="index.html">上一页</a> <a href="index_2.html">下一页</a>',
      ),
    ),
    '/pingtan-paged/nb/index_2.html': page(
      listingPage(
        '政府信息公开年报',
        [{ href: '../2018.htm', title: '平潭综合实验区2018年度政府信息公开工作年度报告' }],
        '<a href="index_1.html">上一页</a> 下一页',
      ),
    ),
    '/pingtan-paged/2023.htm': servedAs('/pingtan/nb/2023/t20240205_1.htm'),
    '/pingtan-paged/2021.htm': servedAs('/pingtan/nb/2021/t20220208_80613.htm'),
    '/pingtan-paged/2019.htm': servedAs('/pingtan/nb/2019/t20200110.htm'),
    '/pingtan-paged/2018.htm': servedAs('/pingtan/nb/2018/t20190110_80529.htm'),

    // 淮安市洪泽区人民政府: report pages whose reports are attached PDFs; one link is dead.
    '/hongze/nb/index.html': page(
      listingPage('政府信息公开年报', [
        { href: '../2024.html', title: '淮安市洪泽区2024年政府信息公开工作年度报告' },
        { href: '../2023.html', title: '洪泽区2023年政府信息公开工作年度报告' },
        { href: '../2022.html', title: '洪泽区2022年政府信息公开工作年度报告' },
      ]),
    ),
    '/hongze/2024.html': page(attachmentPage('淮安市洪泽区2024年政府信息公开工作年度报告', { href: 'files/hz2024nb.pdf', text: '点击下载' })),
    '/hongze/files/hz2024nb.pdf': page(seed('003_hongze_qu_2024.pdf'), 'application/pdf'),
    '/hongze/2023.html': page(
      attachmentPage('洪泽区2023年政府信息公开工作年度报告', { href: '/hongze/download?id=2023', text: '附件：洪泽区2023年政府信息公开工作年度报告.pdf' }),
    ),
    '/hongze/download': (_req, res) => {
      const pdf = seed('002_hongze_qu_2023.pdf');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': pdf.length,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('洪泽区2023年政府信息公开工作年度报告.pdf')}`,
      });
      res.end(pdf);
    },

    // 淮安市人民政府: the listing links the PDF itself.
    '/huaian/nb/': page(listingPage('政府信息公开年报', [{ href: '/huaian/files/2024nb.pdf', title: '淮安市人民政府2024年政府信息公开工作年度报告' }])),
    '/huaian/files/2024nb.pdf': page(seed('001_huaian_shi_2024.pdf'), 'application/pdf'),

    // 沭阳县发展和改革局: a full page, re-encoded in GBK with its meta tag saying so (no charset in the header).
    '/shuyang-fgj/nb/': page(listingPage('政府信息公开年报', [{ href: '/shuyang-fgj/2023.html', title: '沭阳县发展和改革局2023年政府信息公开工作年度报告' }])),
    '/shuyang-fgj/2023.html': page(gbk(shuyangFgj), 'text/html'),

    // 鄂州市行政审批局: a text file for 2020; the 2023 link is dead.
    '/ezhou/nb/': page(
      listingPage('政府信息公开年报', [
        { href: '/ezhou/2023.html', title: '鄂州市行政审批局2023年政府信息公开工作年度报告' },
        { href: '/ezhou/files/2020nb.txt', title: '鄂州市行政审批局2020年政府信息公开工作年度报告' },
      ]),
    ),
    '/ezhou/files/2020nb.txt': page(seed('000_ezhou_xzspj_2020.txt'), 'text/plain; charset=utf-8'),

    // 上海市科学技术委员会: a listing page on a server too slow to finish.
    '/shanghai/nb/': drip,

    // Failure cases.
    // A listing that links the report as a spreadsheet, and a report page whose attachment is an old .xls.
    '/shuyang-xian/nb/': page(
      listingPage('政府信息公开年报', [{ href: '/shuyang-xian/files/2025nb.xlsx', title: '沭阳县人民政府2025年政府信息公开工作年度报告' }]),
    ),
    '/shuyang-xian/files/2025nb.xlsx': page(rendered('004_shuyang_xian_2025.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    '/ezhou/2020.html': page(
      attachmentPage('鄂州市行政审批局2020年政府信息公开工作年度报告', { href: '/ezhou/files/2020nb.xls', text: '附件：2020年报统计表.xls' }),
    ),
    '/ezhou/files/2020nb.xls': page(rendered('000_ezhou_xzspj_2020.xls'), 'application/vnd.ms-excel'),
    '/dead.html': notFound,
    '/slow': drip,
    '/silent': silent,
    '/loop/a': redirect(() => `${base}/loop/b`),
    '/loop/b': redirect(() => '/loop/a', 301),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/hops/${i}`, redirect(() => `/hops/${i + 1}`)])),
    '/endless': endless(null),
    '/huge': endless(2 * 1024 ** 3),
    '/redirect-to-metadata': redirect(() => 'http://169.254.169.254/latest/meta-data/'),
    '/redirect-to-private': redirect(() => 'http://10.0.0.1/nb/'),
    '/redirect-to-localhost': redirect(() => `http://localhost:${new URL(base).port}/pingtan/nb/`),
    '/redirect-to-file': redirect(() => 'file:///etc/passwd'),
    '/not-a-report.html': page(
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title></head><body><p>关于召开全体会议的通知：定于下周一召开。</p><a href="/">首页</a></body></html>',
    ),
    '/gzip.html': (_req, res) => {
      const body = gzipSync(Buffer.from(articlePage(seed('009_pingtan_syq_2021.txt').toString('utf8'), { title: '2021', metaCharset: 'utf-8' }), 'utf8'));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    },
    '/gzip-bomb.html': (_req, res) => {
      const body = gzipBomb;
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    },
    '/set-cookie': (_req, res) => {
      res.writeHead(302, { location: '/echo', 'set-cookie': 'session=secret; Path=/' });
      res.end();
    },
    '/echo': page('<html><body>echo</body></html>'),
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    stats.requests.push(path);
    headers.set(path, req.headers);
    const mutable = pages.get(path);
    if (mutable) return page(mutable.body, mutable.type)(req, res);
    (routes[path] ?? notFound)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    base,
    port,
    stats,
    headersOf: (path) => headers.get(path),
    setPage: (path, body, type) => pages.set(path, { body, type }),
    endlessClosed: (n) =>
      stats.endlessBytesSent.length >= n ? Promise.resolve([...stats.endlessBytesSent]) : new Promise((resolve) => endlessWaiters.push({ n, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
