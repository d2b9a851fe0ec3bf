/**
 * pnpm bench:parse — the parser's speed and memory, measured, with the targets of issue 3 beside them:
 *
 * 1. reports per second for text, HTML and Markdown on one core (target ≥ 300/s);
 * 2. time for a 6-page PDF (target < 300 ms);
 * 3. peak memory parsing a 50 MB input (target < 500 MB), in a fresh process so the figure is its own;
 * 4. time for inputs built far beyond a report (a 2.2 MB table of 20,000 repeated rows), which must stay linear.
 *
 * Run from the repository root. Inputs are the real reports of packages/corpus.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/parse-report.js';
import { repeatedRowsHtml } from '../src/testing/hostile-files.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpusDir = join(here, '..', '..', 'corpus');
const reportsDir = join(corpusDir, 'reports');

if (process.argv[2] === '--peak-memory') {
  // Child mode: parse one file, print the outcome and this process's peak resident memory.
  const file = process.argv[3]!;
  const started = performance.now();
  let outcome: string;
  try {
    const r = await parseReport(readFileSync(file), file);
    outcome = `parsed (${r.agency}, ${r.year})`;
  } catch (err) {
    outcome = `refused: ${(err as { code?: string }).code ?? (err as Error).message}`;
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ outcome, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

// Every report of the corpus, the one the parser must refuse included: refusing is part of the work.
const files = [
  ...readdirSync(reportsDir).map((f) => join(reportsDir, f)),
  ...readdirSync(join(corpusDir, 'refused')).map((f) => join(corpusDir, 'refused', f)),
].sort();
const load = (path: string) => ({ name: path.slice(path.lastIndexOf('/') + 1), bytes: readFileSync(path) });
const parseQuietly = async (bytes: Uint8Array, name: string) => {
  try {
    await parseReport(bytes, name);
  } catch {
    /* refusals (the pre-2019 report) are part of the work measured */
  }
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, value: string, target: string, ok: boolean) =>
  console.log(`${label.padEnd(46)} ${value.padStart(14)}   target ${target.padEnd(10)} ${ok ? 'met' : 'NOT MET'}`);

console.log('pnpm bench:parse — one core, warm (each input parsed once before timing)\n');

// 1. Throughput on the text formats.
const textual = files.filter((f) => !f.endsWith('.pdf')).map(load);
for (const f of textual) await parseQuietly(f.bytes, f.name);
const seconds = 5;
let parsed = 0;
const t0 = performance.now();
while (performance.now() - t0 < seconds * 1000) {
  for (const f of textual) await parseQuietly(f.bytes, f.name);
  parsed += textual.length;
}
const perSecond = parsed / ((performance.now() - t0) / 1000);
line(`text / HTML / Markdown (${textual.length} real reports, mixed)`, `${perSecond.toFixed(0)} /s`, '≥ 300 /s', perSecond >= 300);
for (const ext of ['.txt', '.md', '.html']) {
  const group = textual.filter((f) => f.name.endsWith(ext));
  const times: number[] = [];
  for (let i = 0; i < 40; i++)
    for (const f of group) {
      const t = performance.now();
      await parseQuietly(f.bytes, f.name);
      times.push(performance.now() - t);
    }
  console.log(`  ${ext.padEnd(6)} ${group.length} file(s): median ${median(times).toFixed(2)} ms per report`);
}

// 2. A 6-page PDF.
const pdf = load(join(reportsDir, '001_huaian_shi_2024.pdf'));
const cold = performance.now();
await parseQuietly(pdf.bytes, pdf.name);
const coldMs = performance.now() - cold;
const pdfTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  await parseQuietly(pdf.bytes, pdf.name);
  pdfTimes.push(performance.now() - t);
}
line('6-page PDF (淮安市人民政府 2024), warm median', `${median(pdfTimes).toFixed(0)} ms`, '< 300 ms', median(pdfTimes) < 300);
console.log(`  first parse in this process (loads pdf.js): ${coldMs.toFixed(0)} ms`);

// 3. Peak memory on 50 MB inputs, each in a fresh process.
const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-'));
try {
  const report = readFileSync(join(reportsDir, '016_shuyang_fgj_2023.html'), 'utf8');
  const chrome =
    '<div class="nav"><a href="/zwgk/index.html">政务公开</a> | <a href="/xxgk/">信息公开目录</a> | <span>网站地图 联系我们 主办单位：某某县人民政府办公室</span></div>\n';
  const target = 50 * 1024 * 1024;
  const padding = chrome.repeat(Math.ceil((target - Buffer.byteLength(report)) / Buffer.byteLength(chrome)));
  const cut = report.indexOf('<article>');
  const bigHtml = join(dir, 'padded-report.html');
  writeFileSync(bigHtml, report.slice(0, cut) + padding + report.slice(cut));
  const narrative = '本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息，组织业务培训，完善工作制度。\n';
  const bigText = join(dir, 'narrative-only.txt');
  writeFileSync(bigText, narrative.repeat(Math.ceil(target / Buffer.byteLength(narrative))));
  for (const [label, file] of [
    ['50 MB HTML page (a real report amid site chrome)', bigHtml],
    ['50 MB text with no tables', bigText],
  ] as const) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--peak-memory', file], { encoding: 'utf8' });
    const result = JSON.parse(run.stdout || '{}') as { outcome?: string; ms?: number; maxRssMb?: number };
    if (result.maxRssMb === undefined) {
      console.log(`${label}: failed to run (${run.stderr.slice(0, 200)})`);
      continue;
    }
    line(label, `${result.maxRssMb.toFixed(0)} MB peak`, '< 500 MB', result.maxRssMb < 500);
    console.log(`  ${result.outcome} in ${(result.ms! / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 4. An input far beyond a report: its time grows with its size, not with its square (twice the rows, about
// twice the time; a quadratic step would make it four times).
const repeatedMs: number[] = [];
for (const rows of [10_000, 20_000]) {
  const html = repeatedRowsHtml(rows);
  const t = performance.now();
  await parseQuietly(html, 'repeated.html');
  repeatedMs.push(performance.now() - t);
  console.log(
    `${(html.length / 1024 / 1024).toFixed(1)} MB HTML of ${rows.toLocaleString('en')} repeated rows: ${(repeatedMs[repeatedMs.length - 1]! / 1000).toFixed(1)} s`,
  );
}
const growth = repeatedMs[1]! / repeatedMs[0]!;
line('  time for 20,000 rows ÷ time for 10,000', `${growth.toFixed(1)}×`, '< 3×', growth < 3);
