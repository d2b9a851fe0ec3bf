/**
 * Where the three tables are. Sections are found by what their tables print, not by heading numbers:
 * reports renumber their headings (一、主动公开… as the first appendix table), repeat heading text in their
 * introduction, and glue headings to the text around them.
 */
import { cellAt, type DocCell, type DocumentModel } from '../document.js';
import { documentView, spanInText, type TextView } from '../text-view.js';

export interface Regions {
  activeDisclosure: [number, number] | null;
  applications: [number, number] | null;
  reviewLitigation: [number, number] | null;
}

function first(v: TextView, needles: readonly string[], from = 0, to = v.view.length): number {
  let best = -1;
  for (const n of needles) {
    const i = v.view.indexOf(n, from);
    if (i >= 0 && i < to && (best < 0 || i < best)) best = i;
  }
  return best;
}

const S2_ANCHORS = ['第二十条第(一)项', '第二十条第(五)项', '第二十条第', '信息内容本年', '本年制发件数', '本年新制作数量', '对外公开总数量'];
const S3_ANCHORS = ['勾稽关系', '申请人情况', '本年新收政府信息公开申请数量'];
const S5_MARKERS = ['存在的主要问题', '存在的问题', '主要问题和改进', '主要问题及改进', '问题及改进情况', '其他需要报告的事项'];

export function locateRegions(doc: DocumentModel): Regions {
  const v = documentView(doc);
  const at = (i: number) => spanInText(v, i, i + 1).start;
  const s3 = first(v, S3_ANCHORS);
  const s2 = first(v, S2_ANCHORS, 0, s3 >= 0 ? s3 : v.view.length);
  // Section 四's table header: 行政复议 closely followed by 行政诉讼 or a result column.
  let s4 = -1;
  if (s3 >= 0) {
    for (let i = v.view.indexOf('行政复议', s3); i >= 0; i = v.view.indexOf('行政复议', i + 1)) {
      const near = v.view.slice(i, i + 80);
      if (/行政诉讼|维持|纠正/.test(near)) {
        s4 = i;
        break;
      }
    }
  }
  // A PDF row may carry the next heading in its label cell (a heading printed right under the table): section 三
  // then runs to the end of that row, so the row keeps its values.
  let s4Start = s4 >= 0 ? at(s4) : -1;
  if (s4Start >= 0) {
    const cell = cellAt(doc, s4Start);
    const rowEnd = cell ? lastValueCellEnd(doc, cell) : null;
    if (rowEnd !== null) s4Start = rowEnd;
  }
  const s5 = first(v, S5_MARKERS, s4 >= 0 ? s4 : s3 >= 0 ? s3 : 0);
  const end = doc.focus[1];
  return {
    activeDisclosure: s2 >= 0 ? [at(s2), s3 >= 0 ? at(s3) : s5 >= 0 ? at(s5) : end] : null,
    applications: s3 >= 0 ? [at(s3), s4Start >= 0 ? s4Start : s5 >= 0 ? at(s5) : end] : null,
    reviewLitigation: s4Start >= 0 ? [s4Start, s5 > s4 ? at(s5) : end] : null,
  };
}

/** When cells of numbers follow `cell` in its row, the end of the last of them. */
function lastValueCellEnd(doc: DocumentModel, cell: DocCell): number | null {
  let i = doc.cells.indexOf(cell) + 1;
  let end: number | null = null;
  for (; i < doc.cells.length && doc.cells[i]!.row === cell.row; i++) if (/^[\d\s.,+\-−—/]*$/.test(doc.cells[i]!.text)) end = doc.cells[i]!.end;
  return end;
}
