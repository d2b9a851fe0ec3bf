/**
 * Facts the report's own text states that bear on its tables: applications received, handled and carried
 * forward, review and litigation counts, the on-time rate as printed (or "all answered within the legal time
 * limit"), overdue replies, the 信息处理费 collected. Each keeps its sentence as evidence. Tables are excluded.
 */
import type { NarrativeFact, NarrativeFactKind } from '@ogi/domain';

const N = '(\\d+(?:\\.\\d+)?)';
const GAP = '[^，,。；;\\d\\n]';

const PATTERNS: { kind: NarrativeFactKind; re: RegExp; skipIf?: RegExp }[] = [
  { kind: 'applicationsReceived', re: new RegExp(`(?:收到|受理|接收|接到)${GAP}{0,20}?申请${GAP}{0,8}?${N}\\s*(?:件|起|宗|个|条)`) },
  {
    kind: 'applicationsReceived',
    re: new RegExp(`(?:收到|受理|接收|接到)${GAP}{0,12}?${N}\\s*(?:件|起|宗)${GAP}{0,4}?(?:政府信息公开|信息公开|依申请公开)?申请`),
  },
  {
    kind: 'applicationsHandled',
    re: new RegExp(`(?:办结|办理完毕|答复完毕|作出答复|答复|办理)${GAP}{0,10}?${N}\\s*件`),
    // "同意公开答复 9 件" is one outcome, not the total handled.
    skipIf: /申请人|答复书|不予|无法|部分|同意|予以|公开答复|转办|其中|下一?年/,
  },
  // A count after the phrase ("转下年度办理121件") is tried first: in "作其他处理341件、转下年度办理121件" the 341
  // belongs to the previous item. A count before the phrase must not be a list separator (、) away from it.
  { kind: 'applicationsCarriedForward', re: new RegExp(`(?:结转|转入|顺延|转)(?:至|到)?下一?年度?${GAP}{0,12}?${N}\\s*件`) },
  { kind: 'applicationsCarriedForward', re: new RegExp(`${N}\\s*件[^，,。；;、\\d\\n]{0,6}?(?:结转|转入|顺延|转)(?:至|到)?下一?年度?`) },
  { kind: 'reviews', re: new RegExp(`行政复议${GAP}{0,12}?${N}\\s*(?:件|起|宗)`) },
  { kind: 'lawsuits', re: new RegExp(`行政诉讼${GAP}{0,12}?${N}\\s*(?:件|起|宗)`) },
  { kind: 'processingFeeYuan', re: new RegExp(`信息处理费${GAP}{0,12}?${N}\\s*元`) },
  { kind: 'normativeDocumentsIssued', re: new RegExp(`制发${GAP}{0,6}?规范性文件\\s*${N}\\s*件`) },
];

/** Sentences of the text outside the given table spans, with their offsets. */
function* sentences(text: string, exclude: readonly [number, number][], focus: [number, number]): Generator<{ text: string; start: number }> {
  // Line breaks do not end sentences: PDF and Markdown text is hard-wrapped mid-sentence.
  const re = /[^。；;！!？?]+[。；;！!？?]?/g;
  re.lastIndex = focus[0];
  for (let m = re.exec(text); m && m.index < focus[1]; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (exclude.some(([a, b]) => start < b && end > a)) {
      // Keep the part of a sentence outside a table (glued pages put a table in the middle of a "sentence").
      for (const [a, b] of exclude) {
        if (start < a && end > a) yield { text: text.slice(start, a), start };
        if (start < b && end > b) yield { text: text.slice(b, end), start: b };
      }
      continue;
    }
    yield { text: m[0], start };
  }
}

/**
 * Statements about replying to 政府信息公开申请 within the legal time: an explicit rate, "all answered within the
 * legal time limit", or a count of replies given late (超期/逾期/超时) or after an extension (延期, which the 条例
 * allows). They are read anywhere in the text, table regions included: reports often print them in the lines that
 * open section 三, above its table. Spaces and line breaks inside a phrase are allowed (hard-wrapped PDF text).
 */
const W = '\\s*';
const ON_TIME_PATTERNS: { kind: NarrativeFactKind; re: RegExp }[] = [
  {
    kind: 'onTimeRate',
    re: new RegExp(`(?:按${W}时|按${W}期|及${W}时|如${W}期)${W}(?:答${W}复|办${W}结|回${W}复)${W}率${W}${GAP}{0,4}?${W}${N}${W}[%％]`, 'g'),
  },
  {
    kind: 'allOnTime',
    re: new RegExp(
      `(?:均|全${W}部|全${W}都|都)${W}(?:已${W})?(?:在|于|按)${W}(?:法${W}定|规${W}定)?${W}(?:的${W})?(?:期${W}限|时${W}限|时${W}间)${W}(?:内${W})?(?:予${W}以${W}|依${W}法${W})?(?:答${W}复|办${W}结|回${W}复|办${W}理)`,
      'g',
    ),
  },
  { kind: 'overdueReplies', re: new RegExp(`(?:超${W}期|逾${W}期|超${W}时)${W}(?:答${W}复|办${W}理|回${W}复)${GAP}{0,6}?${W}${N}${W}件`, 'g') },
  { kind: 'extendedReplies', re: new RegExp(`延${W}期${W}(?:答${W}复|办${W}理|回${W}复)${GAP}{0,6}?${W}${N}${W}件`, 'g') },
];

/** A timeliness statement about something other than information-disclosure applications (proposals, petitions, hotlines). */
const OTHER_SUBJECT = /人大|政协|建议|提案|议案|信访|热线|12345|诉求|来件|来信|投诉|留言|咨询/;
const DISCLOSURE_SUBJECT = /政府信息公开|信息公开申请|依申请/;

const HEADING = /^[（(]?[一二三四五六七八九十\d]+[、.．）)][^，,。；;]{0,30}$/;

/** The sentence around a match: back to the previous sentence end (at most 200 characters), on to the next. */
function sentenceAround(text: string, start: number, end: number): { text: string; start: number; end: number } {
  let a = start;
  while (a > 0 && start - a < 200 && !/[。；;！!？?]/.test(text[a - 1]!)) a -= 1;
  let b = end;
  while (b < text.length && b - end < 200 && !/[。；;！!？?]/.test(text[b]!)) b += 1;
  if (b < text.length) b += 1;
  // A heading line in front ("一、总体情况") is not part of the sentence.
  for (let nl = text.indexOf('\n', a); nl !== -1 && nl < start; nl = text.indexOf('\n', a)) {
    if (!HEADING.test(text.slice(a, nl).trim())) break;
    a = nl + 1;
  }
  return { text: text.slice(a, b), start: a, end: b };
}

function readTimeliness(text: string, focus: [number, number]): NarrativeFact[] {
  const facts: NarrativeFact[] = [];
  const window = text.slice(focus[0], focus[1]);
  for (const p of ON_TIME_PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of window.matchAll(p.re)) {
      const at = focus[0] + m.index!;
      const s = sentenceAround(text, at, at + m[0].length);
      const flat = s.text.replace(/\s+/g, '');
      // Only statements about 政府信息公开申请: "人大建议和政协提案均在规定期限内办结" is about something else. The part
      // of the sentence before the statement names its subject.
      const lead = text.slice(s.start, at).replace(/\s+/g, '');
      if (OTHER_SUBJECT.test(lead) && !DISCLOSURE_SUBJECT.test(lead)) continue;
      if (flat.length > 400) continue;
      let value = p.kind === 'allOnTime' ? 1 : Number(m[1]);
      if (p.kind === 'onTimeRate') value /= 100;
      facts.push({ kind: p.kind, value, sentence: s.text.replace(/[\t\n]/g, '').trim(), start: s.start, end: s.end });
    }
  }
  return facts.sort((x, y) => x.start - y.start);
}

export function readNarrative(text: string, tableSpans: readonly [number, number][], focus: [number, number] = [0, text.length]): NarrativeFact[] {
  const facts: NarrativeFact[] = readTimeliness(text, focus);
  for (const s of sentences(text, tableSpans, focus)) {
    if (s.text.length > 600) continue;
    const flat = s.text.replace(/[\t\n]/g, '');
    for (const p of PATTERNS) {
      const m = p.re.exec(flat);
      if (!m) continue;
      if (p.skipIf?.test(flat.slice(Math.max(0, m.index - 8), m.index + m[0].length))) continue;
      // "行政复议、行政诉讼案件为0件" gives 0 for both; a non-zero joint count belongs to neither alone.
      if ((p.kind === 'reviews' && /诉讼/.test(m[0])) || (p.kind === 'lawsuits' && /复议/.test(m[0].slice(4)))) {
        if (Number(m[1]) !== 0) continue;
      }
      let value = p.kind === 'allOnTime' ? 1 : Number(m[1]);
      if (p.kind === 'onTimeRate') value /= 100;
      if (facts.some((f) => f.kind === p.kind && f.start === s.start)) continue;
      facts.push({ kind: p.kind, value, sentence: s.text.trim(), start: s.start, end: s.start + s.text.length });
    }
  }
  // Only the first statement of each count is the report's figure; later ones are often sub-counts.
  const seen = new Set<NarrativeFactKind>();
  return facts.filter((f) => {
    if (seen.has(f.kind)) return false;
    seen.add(f.kind);
    return true;
  });
}
