/**
 * A "view" of part of the document for matching labels: whitespace and cell/row separators removed, full-width
 * forms folded to ASCII, brackets unified to ( ), quotes and most punctuation dropped, and the numbering mark
 * 、 after a digit read as "." — so 「（六）其他处理」, "(六)其他处理" and "（六） 其 他 处 理" all read "(六)其他处理".
 * `offsets[i]` is the offset in the document text of view character i.
 */
export interface TextView {
  view: string;
  offsets: number[];
  /** Offset in the document text just after the view's last character. */
  end: number;
}

const DROP = new Set([...' \t\n\r\u00a0\u3000“”‘’"\'「」『』《》〈〉<>,，：:;；。!！?？·•…~～*_`#|'.split('')]);
const OPEN = new Set(['(', '（', '〔', '【', '[', '［', '｛', '{']);
const CLOSE = new Set([')', '）', '〕', '】', ']', '］', '｝', '}']);

export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c;
}

export function makeView(text: string, start = 0, end = text.length): TextView {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const raw = text[i]!;
    if (DROP.has(raw)) continue;
    let c = raw;
    if (OPEN.has(c)) c = '(';
    else if (CLOSE.has(c)) c = ')';
    else if (c === '、' || c === '．' || c === '。') {
      const prev = chars[chars.length - 1];
      if (prev !== undefined && prev >= '0' && prev <= '9') c = '.';
      else continue;
    } else c = foldChar(c);
    if (DROP.has(c)) continue;
    chars.push(c);
    offsets.push(i);
  }
  return { view: chars.join(''), offsets, end };
}

/** The view form of a label as written in the layout (used to build patterns). */
export function foldLabel(label: string): string {
  return makeView(label).view;
}

/** Document offset where the view span [from, to) begins and ends. */
export function spanInText(v: TextView, from: number, to: number): { start: number; end: number } {
  const start = v.offsets[from] ?? v.end;
  const end = to > 0 ? (v.offsets[to - 1] ?? v.end - 1) + 1 : start;
  return { start, end };
}
