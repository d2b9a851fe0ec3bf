/**
 * Who issued the report, which year it covers and when it was published — as the document prints them.
 *
 * - Agency: the name before (or after) the year in the title, e.g. 「淮安市人民政府 / 2024年政府信息公开工作年度
 *   报告」 or 「2024年上海市科委政府信息公开工作年度报告」; else the signature above the closing date; else the
 *   page's 发布机构. A site's 来源 or 主办单位 is page chrome, not the agency, and is never used.
 * - Year: the title's year; else the statistics period ("统计期限自2019年1月1日"); never the publication year.
 * - Published on: a labelled 发布日期/发布时间/公开日期 (else a bare 时间 or 日期); else the date under the signature; else a date
 *   printed under the title. Dates must fall after the data year, within two years.
 */
import { tailLines, type DocumentModel } from '../document.js';

export interface ReportMetadata {
  agency: string | null;
  year: number | null;
  publishedOn: string | null;
  /** Where the title was read, when one was found. */
  title: { text: string; start: number } | null;
}

const CJK_NAME = '[\\u4e00-\\u9fa5（）()·]{2,40}';
const REPORT_END = '(?:年\\s*度?\\s*报\\s*告|年\\s*报)';
/** 「淮安市人民政府 2024年政府信息公开工作年度报告」, 「2024年上海市科委政府信息公开工作年度报告」, 「…公开年报」. */
const TITLE = new RegExp(
  `(${CJK_NAME})?\\s*((?:19|20)\\d{2})\\s*年\\s*度?\\s*(${CJK_NAME.replace('{2,40}', '{0,40}?')})\\s*(?:政府信息公开|政务公开)\\s*(?:工作)?\\s*${REPORT_END}`,
);
/** 「某某局政府信息公开工作2023年度报告」: the year after the subject. */
const TITLE_YEAR_LAST = new RegExp(`(${CJK_NAME})?\\s*(?:政府信息公开|政务公开)\\s*(?:工作)?\\s*((?:19|20)\\d{2})\\s*${REPORT_END}`);
const REPORT_WORD = /报\s*告|年\s*报/;
const AGENCY_SUFFIX = /(人民政府|政府|委员会|管理委员会|管委会|实验区|新区|开发区|局|委|办公室|办公厅|办|厅|中心|院|署|所|站|队|处|会|集团|公司|部|司)$/;
const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

export function readMetadata(source: DocumentModel): ReportMetadata {
  // Titles and signature dates are often written in Chinese numerals (二〇二四年一月三十一日).
  const doc = {
    ...source,
    text: arabicDates(source.text),
    metaText: arabicDates(source.metaText),
    containerTitle: source.containerTitle && arabicDates(source.containerTitle),
  };
  const title = findTitle(doc);
  let year = title?.year ?? null;
  let agency = title?.agency ?? null;
  if (year === null) year = statisticsYear(doc.text);
  if (!agency) agency = signatureAgency(doc) ?? labelledAgency(`${doc.metaText}\n${doc.text.slice(0, 3000)}`);
  const publishedOn = findPublishedOn(doc, year);
  if (year === null && publishedOn) year = Number(publishedOn.slice(0, 4)) - 1;
  return { agency, year, publishedOn, title: title ? { text: title.text, start: title.start } : null };
}

interface TitleHit {
  agency: string | null;
  year: number;
  text: string;
  start: number;
}

function findTitle(doc: DocumentModel): TitleHit | null {
  // The body's own title comes first; the page title (crawler header, <title>, PDF info) is a fallback.
  const head = doc.text.slice(0, 6000);
  for (const source of [head, doc.metaText, doc.containerTitle ?? '']) {
    // The title pattern is tried only just before each "报告", which keeps it linear on long pages.
    for (let at = source.search(REPORT_WORD); at >= 0;) {
      const windowStart = Math.max(0, at - 140);
      const end = at + (REPORT_WORD.exec(source.slice(at))?.[0].length ?? 2);
      const windowText = source.slice(windowStart, end);
      const yearFirst = TITLE.exec(windowText);
      const yearLast = yearFirst ? null : TITLE_YEAR_LAST.exec(windowText);
      const m = yearFirst ?? (yearLast ? [yearLast[0], yearLast[1], yearLast[2], ''] : null);
      if (m) {
        const index = windowStart + (yearFirst ?? yearLast)!.index;
        const before = cleanAgency(m[1] ?? '');
        const after = cleanAgency(m[3] ?? '');
        // "2024年上海市科委政府信息公开…" names the agency after the year; otherwise it precedes the year.
        const agency = after || before || null;
        const hit = { agency, year: Number(m[2]), text: m[0], start: source === head ? index : -1 };
        if (agency || source !== head) return hit;
        // A title without a name (the name is on a line of its own above it) is still the year's evidence.
        return { ...hit, agency: nameAbove(doc.text, index) };
      }
      const next = source.slice(end).search(REPORT_WORD);
      at = next < 0 ? -1 : end + next;
    }
  }
  return null;
}

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const smallNumber = (s: string) => {
  // 一 … 九, 十, 十一 … 十九, 二十 … 三十一
  if (!s.includes('十')) return DIGIT[s] ?? NaN;
  const [tens, ones] = s.split('十') as [string, string];
  return (tens ? (DIGIT[tens] ?? NaN) : 1) * 10 + (ones ? (DIGIT[ones] ?? NaN) : 0);
};

/** Writes years, months and days printed in Chinese numerals as digits; text of the same length is not needed. */
export function arabicDates(text: string): string {
  if (!/[〇零○Ｏ一二三四五六七八九十]\s*[年月日]/.test(text)) return text;
  return text
    .replace(/([〇零○Ｏ一二三四五六七八九]{4})(\s*年)/g, (_, y: string, rest: string) => [...y].map((c) => DIGIT[c]).join('') + rest)
    .replace(/(\d{4}\s*年\s*)(十[一二]?|[一二三四五六七八九])(\s*月)/g, (_, a: string, m: string, b: string) => `${a}${smallNumber(m)}${b}`)
    .replace(
      /(\d{1,2}\s*月\s*)(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(\s*日)/g,
      (_, a: string, d: string, b: string) => `${a}${smallNumber(d)}${b}`,
    );
}

function cleanAgency(raw: string): string {
  let s = raw
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/^(关于|印发|公布)/, '')
    .replace(/(关于|的)$/, '')
    .trim();
  // A breadcrumb or site name glued before the title ("政府信息公开年报平潭综合实验区") keeps only the name.
  const cut = s.search(/(年报|专栏|首页|当前位置|政务公开|信息公开)(?=[^年报专栏首页]*$)/);
  if (cut >= 0) s = s.slice(cut).replace(/^(年报|专栏|首页|当前位置|政务公开|信息公开)+/, '');
  return s.length >= 2 && s.length <= 40 && !/^(正文|标题|首页|全文|附件)$/.test(s) ? s : '';
}

/** The line right above a title, when it is a name (PDF titles often print the agency on its own line). */
function nameAbove(text: string, at: number): string | null {
  const before = text
    .slice(Math.max(0, at - 200), at)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = before[before.length - 1];
  return last && new RegExp(`^${CJK_NAME}$`).test(last) && AGENCY_SUFFIX.test(last) ? last : null;
}

function statisticsYear(text: string): number | null {
  const m = /统计(?:期限|时限|时间|区间)?[^。\n]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The agency's name as signed at the end: a short name line followed by a date line. */
function signatureAgency(doc: DocumentModel): string | null {
  const lines = tailLines(doc.text, 40).map((l) => l.replace(/\t/g, ' ').trim());
  for (let i = lines.length - 2; i >= 0; i--) {
    const name = lines[i]!;
    if (!new RegExp(`^${CJK_NAME}$`).test(name) || !AGENCY_SUFFIX.test(name)) continue;
    const next = lines.slice(i + 1, i + 3).find(Boolean) ?? '';
    if (new RegExp(`^[（(]?${DATE.source}[）)]?$`).test(next)) return name;
  }
  return null;
}

function labelledAgency(text: string): string | null {
  const m = /(?:发布机构|发文机关|发布单位)\s*[:：]\s*([\u4e00-\u9fa5（）()]{2,40})/.exec(text);
  return m ? m[1]! : null;
}

/** 发布/公开/发文 labels; a bare 时间 or 日期 (e.g. 成文日期, a page's 日期：) is weaker, and never a statistics or deadline date. */
const LABELLED_DATE = /(发布日期|发布时间|公开日期|公开时间|发文日期|(?<!采集|生成|更新|统计|办理|答复|截止|截至)(?:时间|日期))\s*[:：]?\s*[\t ]*/g;
const WEAK_DATE_LABELS = new Set(['时间', '日期']);

function findPublishedOn(doc: DocumentModel, year: number | null): string | null {
  const plausible = (iso: string | null) => {
    if (!iso || year === null) return iso;
    const y = Number(iso.slice(0, 4));
    return y >= year && y <= year + 2 ? iso : null;
  };
  const sources = [doc.metaText, doc.text.slice(0, 8000)];
  // 1. A labelled date; 发布/公开 labels win over a bare 时间.
  for (const strong of [true, false]) {
    for (const source of sources) {
      LABELLED_DATE.lastIndex = 0;
      for (let m = LABELLED_DATE.exec(source); m; m = LABELLED_DATE.exec(source)) {
        if (strong === WEAK_DATE_LABELS.has(m[1]!)) continue;
        const iso = plausible(isoDate(source.slice(m.index + m[0].length, m.index + m[0].length + 24)));
        if (iso) return iso;
      }
    }
  }
  // 2. The date under the signature, then a date line under the title.
  const dateLine = new RegExp(`^[（(]?${DATE.source}[）)]?$`);
  const tail = tailLines(doc.text, 40)
    .map((l) => l.replace(/\t/g, ' ').trim())
    .reverse();
  const head = doc.text
    .slice(0, 3000)
    .split('\n')
    .slice(0, 12)
    .map((l) => l.replace(/\t/g, ' ').trim());
  for (const line of [...tail, ...head]) {
    if (!dateLine.test(line)) continue;
    const iso = plausible(isoDate(line));
    if (iso) return iso;
  }
  return null;
}

function isoDate(s: string): string | null {
  const m = new RegExp(`^\\s*${DATE.source}`).exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
