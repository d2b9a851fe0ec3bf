/**
 * A "view" of part of the document for matching labels: whitespace and cell/row separators removed, full-width
 * forms folded to ASCII, brackets unified to ( ), quotes and most punctuation dropped, and the numbering mark
 * 、 after a digit read as "." — so 「（六）其他处理」, "(六)其他处理" and "（六） 其 他 处 理" all read "(六)其他处理".
 * `offsets[i]` is the offset in the document text of view character i.
 */
export interface TextView {
  view: string;
  offsets: Int32Array;
  /** Offset in the document text just after the viewed range. */
  end: number;
}

/** What to do with each UTF-16 code unit: keep (0), drop (1), open bracket (2), close bracket (3), numbering mark (4). */
const CLASS = new Uint8Array(65536);
for (const c of ' \t\n\r\u00a0\u3000“”‘’"\'「」『』《》〈〉<>,，：:;；!！?？·•…~～*_`#|') CLASS[c.charCodeAt(0)] = 1;
for (const c of '(（〔【[［｛{') CLASS[c.charCodeAt(0)] = 2;
for (const c of ')）〕】]］｝}') CLASS[c.charCodeAt(0)] = 3;
for (const c of '、．。') CLASS[c.charCodeAt(0)] = 4;

const OPEN = 40; // (
const CLOSE = 41; // )
const DOT = 46; // .

export function makeView(text: string, start = 0, end = text.length): TextView {
  const codes = new Uint16Array(Math.max(0, end - start));
  const offsets = new Int32Array(Math.max(0, end - start));
  let n = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    let cls = CLASS[c]!;
    if (cls === 0 && c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0; // full-width ASCII forms
      cls = CLASS[c]!;
    }
    if (cls === 1) continue;
    if (cls === 2) c = OPEN;
    else if (cls === 3) c = CLOSE;
    else if (cls === 4 || c === DOT) {
      const prev = n > 0 ? codes[n - 1]! : 0;
      if (prev >= 48 && prev <= 57) c = DOT;
      else if (c !== DOT) continue;
    }
    codes[n] = c;
    offsets[n++] = i;
  }
  return { view: fromCodes(codes, n), offsets: offsets.subarray(0, n), end };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The string of the first `n` code units; decoding the array's bytes as UTF-16 is ~50× faster than fromCharCode. */
function fromCodes(codes: Uint16Array, n: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, n * 2).toString('utf16le');
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return out;
}

/** The part of a view that covers document offsets [start, end), without folding the text again. */
export function sliceView(v: TextView, start: number, end: number): TextView {
  const from = lowerBound(v.offsets, start);
  const to = lowerBound(v.offsets, end);
  return { view: v.view.slice(from, to), offsets: v.offsets.subarray(from, to), end };
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The view form of a label as written in the layout (used to build patterns). */
export function foldLabel(label: string): string {
  return makeView(label).view;
}

/** Document offsets where the view span [from, to) begins and ends. */
export function spanInText(v: TextView, from: number, to: number): { start: number; end: number } {
  const start = from < v.offsets.length ? v.offsets[from]! : v.end;
  const end = to > 0 ? (to - 1 < v.offsets.length ? v.offsets[to - 1]! : v.end - 1) + 1 : start;
  return { start, end };
}

const cache = new WeakMap<object, TextView>();

/** The view of a document's text (of its focus window), computed once per document. */
export function documentView(doc: { text: string; focus: [number, number] }): TextView {
  let v = cache.get(doc);
  if (!v) cache.set(doc, (v = makeView(doc.text, doc.focus[0], doc.focus[1])));
  return v;
}

/** The view of document offsets [start, end). */
export function regionView(doc: { text: string; focus: [number, number] }, start: number, end: number): TextView {
  return sliceView(documentView(doc), start, end);
}
