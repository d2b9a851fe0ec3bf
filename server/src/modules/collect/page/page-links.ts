/**
 * What a fetched HTML page links to, read in one streaming pass (htmlparser2, no DOM, nothing executed): every
 * <a href> with its text and title, the <base href>, a <meta http-equiv="refresh"> target, and the next page of a
 * paged listing. Links resolve against the page's final address (after redirects); only http(s) links are kept,
 * each address once. Scripts are never run: the one script convention read is the pager call of the content
 * systems most government sites use, as text.
 */
import { Parser } from 'htmlparser2';

export interface PageLink {
  url: string;
  /** The link's text, spaces collapsed. */
  text: string;
  /** Its title attribute: listings often truncate the text and keep the full title here. */
  title: string | null;
}

export interface PageLinks {
  /** The page's <title>. */
  title: string;
  links: PageLink[];
  /** Where a meta refresh sends the browser, when the page has one. */
  refreshUrl: string | null;
  /** The next page of a paged listing (a 下一页 link, or the pager script's next page), when there is one. */
  nextPageUrl: string | null;
}

/** Pages with more links than this are read up to it (a listing has tens). */
const MAX_LINKS = 5000;
const SKIP_TEXT_IN = new Set(['script', 'style', 'noscript', 'template', 'textarea']);
/** Script text kept for the pager call: it sits in a short inline script, usually below the list. */
const MAX_SCRIPT_TEXT = 256 * 1024;
/** The text of a listing's "next page" link: 下一页, 下页, 后一页, Next — with or without arrows around it. */
const NEXT_PAGE_TEXT = /^[\s<>›»→＞]*(下一页|下页|后一页|后页|下一頁|next(\s*page)?)[\s<>›»→＞]*$/i;
/**
 * The pager of the TRS-style content systems: `createPageHTML(pageCount, currentPage, "index", "html")` writes the
 * page links at run time; page 0 is `index.html`, page n is `index_n.html`, in the listing's folder.
 */
const PAGER_CALL = /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w.-]+)['"]\s*,\s*['"](\w+)['"]/;

export function readPageLinks(html: string, pageUrl: string): PageLinks {
  let base = pageUrl;
  const links: PageLink[] = [];
  const seen = new Set<string>();
  let refresh: string | null = null;
  let open: { href: string; title: string | null; text: string[] } | null = null;
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  let inScript = false;
  let scriptText = '';
  let nextLink: string | null = null;

  const resolve = (href: string): string | null => {
    const h = href.trim();
    if (!h || /^(javascript|mailto|tel|data|about|file|ftp):/i.test(h) || h.startsWith('#')) return null;
    try {
      const u = new URL(h, base);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
      u.hash = '';
      return u.href;
    } catch {
      return null;
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP_TEXT_IN.has(name)) skipDepth++;
        if (name === 'script') inScript = true;
        if (name === 'title') inTitle = true;
        if (name === 'base' && attrs['href'] && links.length === 0) {
          const b = resolve(attrs['href']);
          if (b) base = b;
        } else if (name === 'meta' && /^refresh$/i.test(attrs['http-equiv'] ?? '') && !refresh) {
          const m = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs['content'] ?? '');
          if (m) refresh = resolve(m[1]!);
        } else if (name === 'a' && attrs['href'] !== undefined) {
          open = { href: attrs['href'], title: attrs['title']?.trim() || null, text: [] };
        }
      },
      ontext(text) {
        if (open && skipDepth === 0) open.text.push(text);
        if (inTitle) title += text;
        if (inScript && scriptText.length < MAX_SCRIPT_TEXT) scriptText += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script') inScript = false;
        if (SKIP_TEXT_IN.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name !== 'a' || !open) return;
        const link = open;
        open = null;
        const url = resolve(link.href);
        if (url && nextLink === null && url !== pageUrl && NEXT_PAGE_TEXT.test(collapse(link.text.join('')))) nextLink = url;
        if (!url || seen.has(url) || links.length >= MAX_LINKS) return;
        seen.add(url);
        links.push({ url, text: collapse(link.text.join('')), title: link.title ? collapse(link.title) : null });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { title: collapse(title), links, refreshUrl: refresh, nextPageUrl: nextLink ?? pagerNextPage(scriptText, pageUrl) };
}

/** The next page a `createPageHTML` pager call names, or null on the last page or without one. */
function pagerNextPage(script: string, pageUrl: string): string | null {
  const m = PAGER_CALL.exec(script);
  if (!m) return null;
  const [count, current] = [Number(m[1]), Number(m[2])];
  if (!(current + 1 < count)) return null;
  try {
    return new URL(`${m[3]}_${current + 1}.${m[4]}`, pageUrl).href;
  } catch {
    return null;
  }
}

function collapse(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** The fuller of a link's text and title (listings cut long titles short with "..." and keep them whole in title). */
export function linkLabel(link: PageLink): string {
  const text = link.text.replace(/(\.{2,}|…+)$/, '');
  return link.title && link.title.length >= text.length ? link.title : link.text;
}

/** The data year of a link that looks like an annual report, read from its title or its text. */
export function linkReportYear(link: PageLink): number | null {
  return (link.title ? annualReportYear(link.title) : null) ?? annualReportYear(link.text);
}

/** Titles of other kinds of annual report a government site also publishes. */
const OTHER_ANNUAL_REPORTS = /企业|统计|财务|预算|决算|审计|社会责任|环境|年度报表|年检/;

/**
 * The data year of a link whose title looks like a 政府信息公开工作年度报告 (年度报告 / 年报 with a year), or null.
 * "2024年政府信息公开工作年度报告" → 2024; truncated titles ("…年度报…") count; 企业年报, 统计年报, 预决算 do not
 * (unless they say 信息公开).
 */
export function annualReportYear(label: string): number | null {
  const s = label.replace(/\s+/g, '');
  if (!/年度报告|年度报|年报/.test(s)) return null;
  if (OTHER_ANNUAL_REPORTS.test(s) && !/信息公开/.test(s)) return null;
  // The year the report is about: the one written before 年 (2024年, 2024年度), else any plausible year.
  const m = /(20\d{2}|19\d{2})\s*年/.exec(s) ?? /(?<!\d)(20\d{2})(?!\d)/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 2000 && year <= 2100 ? year : null;
}

export type AttachmentKind = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'wps' | 'xls' | 'download';

/**
 * Whether a link on a report page is its attached report: by the address's extension (.pdf, .docx, .xlsx, .doc,
 * .wps, .xls),
 * by an extension in the link's text (附件：2024年报.pdf → /download?id=…), or a 附件/下载 link. Null otherwise.
 */
export function attachmentKind(link: PageLink): AttachmentKind | null {
  let path: string;
  try {
    const u = new URL(link.url);
    path = decodeURIComponent(u.pathname).toLowerCase();
  } catch {
    return null;
  }
  const label = linkLabel(link).toLowerCase();
  for (const kind of ['pdf', 'docx', 'xlsx', 'doc', 'wps', 'xls'] as const) {
    if (path.endsWith(`.${kind}`) || new RegExp(`\\.${kind}(\\s|$|[）)】\\]])`).test(label)) return kind;
  }
  // 附件 links, and download buttons (点击下载, 下载全文) — not the site's 下载中心 or an app download.
  const downloadButton = /附件/.test(label) || /^(点击|全文|原文)?下载(附件|全文|原文|文件|word版?|pdf版?)?[:：]?$/i.test(label);
  if (downloadButton && !/\.(html?|shtml|jsp|aspx?|php)$/.test(path)) return 'download';
  return null;
}

/**
 * Attachments in the order worth trying: PDF and DOCX read best, then a spreadsheet of the tables (.xlsx), download
 * buttons, .doc and .wps; an old .xls last (it is only answered with how to convert it).
 */
export const ATTACHMENT_PREFERENCE: Record<AttachmentKind, number> = { pdf: 0, docx: 1, xlsx: 2, download: 3, doc: 4, wps: 5, xls: 6 };
