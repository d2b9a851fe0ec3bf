/**
 * What a search result shows: the sentence of the snippet that holds the words, cut at sentence ends (。！？；
 * and line breaks), with every occurrence of the words marked. Pure; the page renders the parts as text (never
 * as markup), so a report's text cannot inject anything.
 */

export interface HitPart {
  text: string;
  match: boolean;
}

const SENTENCE_END = /[。！？；!?;\n]/;

/** The sentence of `snippet` holding the first occurrence of `query` (case-insensitive); the snippet if none. */
export function matchingSentence(snippet: string, query: string): string {
  const at = snippet.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0 || !query) return snippet;
  let start = at;
  while (start > 0 && !SENTENCE_END.test(snippet[start - 1]!)) start--;
  let end = at + query.length;
  while (end < snippet.length && !SENTENCE_END.test(snippet[end]!)) end++;
  if (end < snippet.length) end++;
  return snippet.slice(start, end).replace(/^…/, '').trim();
}

/** `text` split into the occurrences of `query` (case-insensitive) and what lies between them. */
export function highlightParts(text: string, query: string): HitPart[] {
  const q = query.trim().toLowerCase();
  if (!q) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const parts: HitPart[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
