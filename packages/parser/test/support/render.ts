/**
 * Renders a parsed report back into the official printed layout (headers, rowspans, colspans as the State
 * Council format prints them) and then into the containers agencies publish: a Word-pasted HTML page, a DOCX,
 * Markdown, scraped text with one cell per line, and scraped text with every cell glued. Parsing these back must
 * give the same tables — a check that the parser reads the format, not just the files of the corpus.
 */
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { collapseRuns } from '../../src/testing/mutate.js';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, DISCLOSURE_ROWS, OUTCOME_GROUP_LABELS, REVIEW_COLUMNS, type ParsedReportCore, type Template } from '@ogi/domain';

export interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
}
/** A table's `headerRows` are its heading rows (sections 三 and 四: three), which a page may repeat after a page break. */
export type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: Cell[][]; headerRows?: number };

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const c = (text: string, colspan?: number, rowspan?: number): Cell => ({ text, ...(colspan ? { colspan } : {}), ...(rowspan ? { rowspan } : {}) });

const ARTICLE_HEADERS: Record<Template, Record<string, string[]>> = {
  '2021': { 一: ['本年制发件数', '本年废止件数', '现行有效件数'], 五: ['本年处理决定数量'], 六: ['本年处理决定数量'], 八: ['本年收费金额（单位：万元）'] },
  '2019': {
    一: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    五: ['上一年项目数量', '本年增/减', '处理决定数量'],
    六: ['上一年项目数量', '本年增/减', '处理决定数量'],
    八: ['上一年项目数量', '本年增/减'],
    九: ['采购项目数量', '采购总金额'],
  },
};

export function officialBlocks(r: ParsedReportCore, options: { signs?: boolean } = {}): Block[] {
  const template = r.template!;
  const blocks: Block[] = [];
  const p = (text: string) => blocks.push({ kind: 'p', text });
  p(`${r.agency}${r.year}年政府信息公开工作年度报告`);
  p(`本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。`);
  p('一、总体情况');
  p(`${r.year}年，本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息2645条，组织培训3次，更新公开指南1次。`);
  p('二、主动公开政府信息情况');

  // Section 二: one 4-column grid of sub-tables, as printed.
  const rows2: Cell[][] = [];
  const layout = DISCLOSURE_ROWS[template];
  for (const article of ['一', '五', '六', '八', '九'] as const) {
    const defs = layout.filter((d) => d.article === article);
    if (!defs.length) continue;
    const headers = ARTICLE_HEADERS[template][article]!;
    rows2.push([c(`第二十条第（${article}）项`, 4)]);
    rows2.push([c('信息内容'), ...headers.map((h) => c(h, headers.length === 1 ? 3 : undefined))]);
    for (const d of defs) {
      // A row the document did not print (all its values null) is not printed here either.
      if (d.fields.every((f) => (r.activeDisclosure[d.key]?.[f.key] ?? null) === null)) continue;
      const values = d.fields.map((f) => {
        const v = r.activeDisclosure[d.key]?.[f.key] ?? null;
        return f.kind === 'money' && template === '2019' && v !== null
          ? `${v}万元`
          : f.kind === 'signedCount' && v !== null && v > 0 && options.signs !== false
            ? `+${v}`
            : num(v);
      });
      rows2.push([c(d.label), ...values.map((v) => c(v, values.length === 1 ? 3 : undefined))]);
    }
  }
  blocks.push({ kind: 'table', rows: rows2 });

  p('三、收到和处理政府信息公开申请情况');
  const rows3: Cell[][] = [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 7)],
    [c(APPLICANT_COLUMNS[0]!.label, undefined, 2), c('法人或其他组织', 5), c('总计', undefined, 2)],
    APPLICANT_COLUMNS.slice(1, 6).map((col) => c(col.label)),
  ];
  const printed = APPLICATION_ROWS.filter((row) => r.applications[row.key]);
  const values = (key: string) => (r.applications[key] ?? []).map((v) => c(num(v)));
  const outcomeRows = printed.filter((row) => row.role === 'outcome' || row.role === 'total');
  for (const row of printed) {
    if (row.role === 'input' || row.role === 'carryOut') {
      rows3.push([c(`${row.number}${row.label}`, 3), ...values(row.key)]);
      continue;
    }
    const first = row === outcomeRows[0];
    const lead: Cell[] = first ? [c('三、本年度办理结果', undefined, outcomeRows.length)] : [];
    const group = row.group;
    const members = group ? printed.filter((x) => x.group === group) : [];
    if (!group || members.length === 1) {
      const label = row.role === 'total' ? '（七）总计' : `${row.number}${row.label}`;
      rows3.push([...lead, c(label, 2), ...values(row.key)]);
    } else {
      const g = OUTCOME_GROUP_LABELS[group];
      const groupCell = row === members[0] ? [c(`${g.number}${g.label}`, undefined, members.length)] : [];
      rows3.push([...lead, ...groupCell, c(`${row.number}${row.label}`), ...values(row.key)]);
    }
  }
  blocks.push({ kind: 'table', rows: rows3, headerRows: 3 });

  p('四、政府信息公开行政复议、行政诉讼情况');
  const cols = REVIEW_COLUMNS.map((x) => x.label);
  blocks.push({
    kind: 'table',
    headerRows: 3,
    rows: [
      [c('行政复议', 5), c('行政诉讼', 10)],
      [...cols.map((h) => c(h, undefined, 2)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
      [...cols.map((h) => c(h)), ...cols.map((h) => c(h))],
      ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) => (r.reviewLitigation[g] ?? []).map((v) => c(num(v)))),
    ],
  });
  p('五、存在的主要问题及改进情况');
  p('一是公开内容还不够全面；二是解读形式较为单一。下一步将加强培训，完善制度。');
  p('六、其他需要报告的事项');
  p('本年度未收取信息处理费。');
  p(`${r.agency}`);
  if (r.publishedOn) p(r.publishedOn.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'));
  return blocks;
}

/** The same report with every 0 of sections 三 and 四 left blank, as many agencies print their tables. */
export function withZerosBlank(r: ParsedReportCore): ParsedReportCore {
  const blank = (rows: Record<string, (number | null)[]>) =>
    Object.fromEntries(Object.entries(rows).map(([k, row]) => [k, row.map((v) => (v === 0 ? null : v))]));
  return { ...r, applications: blank(r.applications), reviewLitigation: blank(r.reviewLitigation) };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** How a page lays its table cells out. */
export interface HtmlLayout {
  /**
   * The three-line rows of Word files typed in WPS and converted by LibreOffice: fixed 28 pt line spacing, cells
   * centred vertically, and in every row of sections 三 and 四 the 总计 cell typed with two empty paragraphs after its
   * number — so the row is three lines high, with the 总计 on the top line and the label and the other values on
   * the middle one.
   */
  threeLineRows?: boolean;
  /**
   * A page as a crawler saved it (as 016): its own header lines above the site — 标题：the report's title, a dash
   * and the site's short name; 单位：the short name — and the site's banner printing that name.
   */
  crawledFrom?: { siteName: string };
  /** Tables' heading rows in a <thead>, which a browser prints again at the top of every page the table runs on to. */
  repeatHeaders?: boolean;
  /** A style sheet for the page, e.g. the paper and margins it is printed on (`@page { size: A4; margin: 20mm }`). */
  css?: string;
}

/** The short name a site prints in its banner and appends to page titles (沭阳县发展和改革局 → 沭阳县发改局). */
export function siteNameOf(agency: string): string {
  const short = agency
    .replace(/人民政府$/, '政府')
    .replace('发展和改革', '发改')
    .replace('行政审批', '审批')
    .replace('综合实验区', '实验区')
    .replace('审计局', '审计')
    .replace(/^上海市科委$/, '上海科委');
  return short === agency ? `${agency}门户网站` : short;
}

/** A Word-pasted page: site chrome, spans splitting labels, <o:p> in empty cells, a page metadata table. */
export function toHtml(blocks: Block[], charset = 'utf-8', layout: HtmlLayout = {}): string {
  const split = (s: string) => {
    if (s.length < 4) return `<span style="font-family: 宋体">${escapeHtml(s)}</span>`;
    const k = Math.ceil(s.length / 3);
    return [s.slice(0, k), s.slice(k, 2 * k), s.slice(2 * k)].map((x) => `<span style="font-family: 宋体">${escapeHtml(x)}</span>`).join('');
  };
  const paragraph = layout.threeLineRows ? '<p class="MsoNormal" align="center" style="line-height:28pt">' : '<p class="MsoNormal" align="center">';
  const isNumber = (x: Cell) => /^[+-]?\d+(\.\d+)?$/.test(x.text);
  const cell = (x: Cell, i: number, row: Cell[]) => {
    const content = x.text ? split(x.text) : '<o:p>&nbsp;</o:p>';
    // The 总计 of a row of section 三 or 四: the last cell of a row of seven or more cells, a number.
    const lastNumber = row.length >= 7 && i === row.length - 1 && isNumber(x);
    const paragraphs = layout.threeLineRows && lastNumber ? [content, '<o:p>&nbsp;</o:p>', '<o:p>&nbsp;</o:p>'] : [content];
    return `<td${x.colspan ? ` colspan="${x.colspan}"` : ''}${x.rowspan ? ` rowspan="${x.rowspan}"` : ''} valign="center">${paragraphs.map((c) => `${paragraph}${c}</p>`).join('')}</td>`;
  };
  const rowsOf = (rows: Cell[][]) => rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n');
  const table = (b: Extract<Block, { kind: 'table' }>) => {
    const head = layout.repeatHeaders ? (b.headerRows ?? 0) : 0;
    return `<table border="1" cellspacing="0">${head ? `<thead>${rowsOf(b.rows.slice(0, head))}</thead>` : ''}<tbody>${rowsOf(b.rows.slice(head))}</tbody></table>`;
  };
  const body = blocks.map((b) => (b.kind === 'p' ? `<p class="MsoNormal" style="text-indent:2em">${split(b.text)}</p>` : table(b))).join('\n');
  const title = blocks.find((b) => b.kind === 'p')?.text ?? '';
  const crawler = layout.crawledFrom
    ? `<div><strong>标题：</strong>${escapeHtml(title)}-${escapeHtml(layout.crawledFrom.siteName)}</div>
<div><strong>单位：</strong>${escapeHtml(layout.crawledFrom.siteName)}</div>
<div><strong>来源：</strong>http://www.example.gov.cn/zwgk/gknb/202401/report.shtml</div>
<h2 class="siteTit">${escapeHtml(layout.crawledFrom.siteName)}</h2>`
    : '';
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>政府信息公开年报</title><script>var x = "<table>";</script><style>p{margin:0}${layout.css ?? ''}</style></head>
<body>${crawler}<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年报</div>
<table class="meta"><tr><td>索引号</td><td>000014349/2024-00001</td><td>主办单位</td><td>某某市大数据局</td></tr></table>
<div class="article">${body}</div>
<div class="footer">网站地图 | 联系我们 | 主办单位：某某市人民政府办公室 | 网站标识码 4207000024</div></body></html>`;
}

/** Markdown as a PDF converter writes it: tables flattened (spanned cells written once), paragraphs as lines. */
export function toMarkdown(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'p') return b.text;
      const rows = b.rows.map((row) => `| ${row.map((x) => x.text).join(' | ')} |`);
      return [rows[0], `|${' --- |'.repeat(b.rows[0]!.length)}`, ...rows.slice(1)].join('\n');
    })
    .join('\n\n');
}

/** Scraped page text: every table cell on a line of its own ending in " |", empty cells as a bare "|". */
export function toPipeText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'p' ? b.text : b.rows.map((row) => row.map((x) => (x.text ? `${x.text} |` : '|')).join('\n')).join('\n'))).join('\n');
}

/** A table copied from a browser or a spreadsheet into text: one line per row, cells separated by tabs. */
export function toTabText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'p' ? b.text : b.rows.map((row) => row.map((x) => x.text).join('\t')).join('\n'))).join('\n');
}

/** Crawler text: one cell per line, blank cells dropped, each run of equal neighbouring numbers printed once. */
export function toCollapsedText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'p' ? b.text : b.rows.map((row) => collapseRuns(row.map((x) => x.text)).join('\n')).join('\n'))).join('\n');
}

/** Crawler text keeping each table row on a line of its own: tabs between cells, blank cells dropped, runs printed once. */
export function toCollapsedTabText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'p' ? b.text : b.rows.map((row) => collapseRuns(row.map((x) => x.text)).join('\t')).join('\n'))).join('\n');
}

/** Scraped page text with every cell glued to the next, no separators at all (as the 平潭 pages). */
export function toGlued(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'p' ? b.text : b.rows.map((row) => row.map((x) => x.text).join('')).join(''))).join('');
}

/**
 * A workbook (.xlsx) as agencies publish a report's tables: one sheet, each paragraph a row of one cell, each
 * table row a sheet row with its colspans and rowspans as merged ranges; numbers stored as numbers.
 */
export async function toXlsx(blocks: Block[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('年报');
  let r = 1;
  for (const b of blocks) {
    if (b.kind === 'p') {
      sheet.getCell(r++, 1).value = b.text;
      continue;
    }
    const taken = new Set<string>();
    for (const row of b.rows) {
      let col = 1;
      for (const x of row) {
        while (taken.has(`${r}:${col}`)) col++;
        const span = x.colspan ?? 1;
        const down = x.rowspan ?? 1;
        sheet.getCell(r, col).value = /^-?\d+(\.\d+)?$/.test(x.text) ? Number(x.text) : x.text || null;
        if (span > 1 || down > 1) sheet.mergeCells(r, col, r + down - 1, col + span - 1);
        for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) taken.add(`${r + i}:${col + j}`);
        col += span;
      }
      r++;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A DOCX: paragraphs and tables with gridSpan and vMerge, zipped as Word writes them. */
export function toDocx(blocks: Block[]): Uint8Array {
  const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;
  const body = blocks
    .map((b) => {
      if (b.kind === 'p') return para(b.text);
      // Expand rowspans into vMerge continuation cells, as Word stores them.
      const pending: { col: number; left: number; span: number }[] = [];
      const rows = b.rows.map((row) => {
        const out: string[] = [];
        let col = 0;
        let i = 0;
        const emitPending = () => {
          for (let p = pending.find((x) => x.col === col && x.left > 0); p; p = pending.find((x) => x.col === col && x.left > 0)) {
            out.push(`<w:tc><w:tcPr>${p.span > 1 ? `<w:gridSpan w:val="${p.span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
            p.left--;
            col += p.span;
          }
        };
        emitPending();
        while (i < row.length) {
          const x = row[i++]!;
          const span = x.colspan ?? 1;
          const props = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${x.rowspan ? '<w:vMerge w:val="restart"/>' : ''}`;
          out.push(`<w:tc><w:tcPr>${props}</w:tcPr>${x.text ? para(x.text) : '<w:p/>'}</w:tc>`);
          if (x.rowspan) pending.push({ col, left: x.rowspan - 1, span });
          col += span;
          emitPending();
        }
        return `<w:tr>${out.join('')}</w:tr>`;
      });
      return `<w:tbl>${rows.join('')}</w:tbl>`;
    })
    .join('');
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(documentXml),
  });
}
