/**
 * What a report counts (`ReportScope`): the agency itself, its whole system, or a whole region (a city or county
 * government that adds up its departments and districts). Read from the text before the tables.
 */
import { inferAgencyKind, type ReportScope } from '@ogi/domain';

/**
 * A government's report that lists the counts of its subordinate governments one after another ("市政府349件，
 * 沭阳县477件，泗阳县…", "其中市本级120件，东城区60件，西湖县45件") is adding them up: three or more such items in
 * one sentence, the government's own 本级 among them.
 */
const SUBORDINATE_COUNT =
  /(?:[\u4e00-\u9fa5]{1,8}?(?:县|区|市|旗|镇|乡|街道)(?:人民政府|政府)?|(?:市|县|区)政府(?:本级)?|(?:市|县|区)?本级)(?:收到|受理|办理)?[^，,。；;、\d\n]{0,4}?\d+\s*件/g;

/**
 * The scope from the text's own wording. A report whose text says nothing about it (no 全市/全系统 wording, no
 * listing) keeps the scope of the same agency's previous-year report, when known: an agency's scope does not flip
 * between years without evidence. A `note` says when that happened.
 */
export function detectScope(
  text: string,
  tables: readonly [number, number][],
  agency: string | null,
  previous: ReportScope | null = null,
): { scope: ReportScope; note: string | null } {
  const stated = statedScope(text, tables, agency);
  if (stated === null && previous !== null && previous !== 'self')
    return { scope: previous, note: `正文未说明统计范围，沿用上一年度报告的范围（${previous === 'region_aggregate' ? '全地区汇总' : '全系统汇总'}）` };
  return { scope: stated ?? 'self', note: null };
}

/** The scope the text states, or null when it states none (the agency itself is then the default). */
function statedScope(text: string, tables: readonly [number, number][], agency: string | null): ReportScope | null {
  const outside = tables.length ? text.slice(0, Math.min(...tables.map((t) => t[0]))) : text;
  if (/全系统[^。；\n]{0,16}?(收到|受理|办理)/.test(outside)) return 'system_aggregate';
  const government = agency === null || inferAgencyKind(agency) === 'government';
  if (!government) return null;
  const regionWide = /全(市|区|县|省|州|旗|盟)(各级|各部门|各单位|行政机关)?[^。；]{0,16}?(收到|受理|办理|接收|接到)[^。；]{0,24}?申请/.test(outside);
  if (regionWide || listsSubordinateCounts(outside)) return 'region_aggregate';
  return null;
}

function listsSubordinateCounts(text: string): boolean {
  for (const sentence of text.split(/[。；;\n]/)) {
    if (!/申请/.test(sentence)) continue;
    const items = sentence.match(SUBORDINATE_COUNT) ?? [];
    if (items.length >= 3) return true;
  }
  return false;
}
