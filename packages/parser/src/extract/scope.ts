/**
 * What a report counts (`ReportScope`): the agency itself, its whole system, or a whole region (a city or county
 * government that adds up its departments and districts). Read from the text before the tables.
 */
import { inferAgencyKind, type ReportScope } from '@ogi/domain';

/**
 * A government's report that lists the counts of its subordinate governments one after another ("市政府349件，
 * 沭阳县477件，泗阳县…") is adding them up: three or more such items in one sentence.
 */
const SUBORDINATE_COUNT = /(?:[\u4e00-\u9fa5]{1,8}?(?:县|区|市|旗|镇|乡|街道)(?:人民政府|政府)?|(?:市|县|区)政府(?:本级)?)(?:收到|受理|办理)?[^，,。；;、\d\n]{0,4}?\d+\s*件/g;

export function detectScope(text: string, tables: readonly [number, number][], agency: string | null): ReportScope {
  const outside = tables.length ? text.slice(0, Math.min(...tables.map((t) => t[0]))) : text;
  if (/全系统[^。；\n]{0,16}?(收到|受理|办理)/.test(outside)) return 'system_aggregate';
  const government = agency === null || inferAgencyKind(agency) === 'government';
  if (!government) return 'self';
  const regionWide = /全(市|区|县|省|州|旗|盟)(各级|各部门|各单位|行政机关)?[^。；]{0,16}?(收到|受理|办理|接收|接到)[^。；]{0,24}?申请/.test(outside);
  if (regionWide || listsSubordinateCounts(outside)) return 'region_aggregate';
  return 'self';
}

function listsSubordinateCounts(text: string): boolean {
  for (const sentence of text.split(/[。；;\n]/)) {
    if (!/申请/.test(sentence)) continue;
    const items = sentence.match(SUBORDINATE_COUNT) ?? [];
    if (items.length >= 3) return true;
  }
  return false;
}
