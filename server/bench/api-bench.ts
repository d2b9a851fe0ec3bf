/**
 * `pnpm bench:api`: the analytics API at national scale. Generates the province of @ogi/write-model's dataset
 * (3 000 agencies × 2019–2025, both formats), loads it into a throwaway embedded PostgreSQL through the bulk path,
 * boots the real server and sends each main query many times over HTTP, printing p50/p95 of the server time
 * (the Server-Timing header: parse, validate, execute) and of the round trip, against the targets of issue #4.
 *
 *   pnpm bench:api [--agencies 3000] [--runs 30] [--clients 20] [--load-seconds 30] [--explain]
 *                 [--only <word,word>] [--no-load] [--no-dataset] [--skip-search] [--result-cache]
 *
 * `--only search,paging` times only the queries whose name contains one of the words; `--no-load` skips the load test.
 * `--skip-search` leaves the report texts as generated and the two search queries out: lengthening every text and
 * rebuilding the bigram index takes minutes, which a run comparing sizes (1 000, 3 000, 10 000 agencies) can spare.
 *
 * Then a load test: `--clients` signed-in clients (each its own session) open the overview at once and again for
 * `--load-seconds` — its three queries (province or city roll-up, top-10 ranking, what to chase) in parallel, as the
 * dashboard sends them — and the throughput and the p50/p95 round trip under that load are printed.
 *
 * Then the bulk download (`GET /api/exports/dataset.zip`, every agency and year) as CSV and as Parquet, read to the
 * end and thrown away: its size, time and the server's peak memory (this process's peak resident set, VmHWM, reset
 * before each download; PostgreSQL's own memory is not in it). `--no-dataset` skips it.
 *
 * Load figures and each query's figures come as wall time and as CPU time (this process + PostgreSQL; PostgreSQL's
 * is read from /proc in 10 ms ticks, hence a mean): on a shared, busy machine the CPU time says what the same work
 * costs when the cores are free. Timings are measured here, never asserted in tests.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { SEED_REPORTS_DIR } from '@ogi/database';
import { METRICS } from '@ogi/domain';
import { generateProvince, loadDataset, type Dataset } from '@ogi/write-model/dataset';
import type { DataSource } from 'typeorm';
import { flag, listOption, loadAverage, option, say, signIn, withBenchApp } from './bench-app.js';

const AGENCIES = option('agencies', 3000);
const RUNS = option('runs', 30);
const WARMUP = 3;
const EXPLAIN = flag('explain');
const SKIP_SEARCH = flag('skip-search');
const CLIENTS = option('clients', 20);
const LOAD_SECONDS = option('load-seconds', 30);
const ONLY = listOption('only');
const LOAD_TEST = !flag('no-load');
const DATASET = !flag('no-dataset');
/**
 * Whether the server keeps answers (RESULT_CACHE_MB, on in production). Off by default: each query is then worked
 * out every time, which is what it costs on the first ask after a start or a data change, and how that grows with
 * the data is what this benchmark is for; with the cache on, a repeated query is answered from memory in ~2 ms.
 */
const RESULT_CACHE = flag('result-cache');

/** CPU seconds used so far by a PostgreSQL cluster: the postmaster, its reaped children and its live backends. */
function postgresCpuSeconds(dataDir: string): number {
  const ticks = 100; // USER_HZ on Linux
  const stat = (pid: number | string) =>
    readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const own = stat(postmaster);
    // Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const child of children) {
      const s = stat(child);
      total += Number(s[11]) + Number(s[12]);
    }
    return total / ticks;
  } catch {
    return Number.NaN;
  }
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Workload {
  name: string;
  /** p95 target of the issue, in ms. */
  target?: number;
  /** A GraphQL request, or an HTTP path (exports), for run number `i`. */
  request(i: number): { query: string; variables?: Record<string, unknown> } | { path: string };
}

async function main(): Promise<void> {
  say(`OGI Observatory — analytics API benchmark (${AGENCIES} agencies, ${RUNS} runs per query, load average ${loadAverage()})`);
  say(
    RESULT_CACHE
      ? 'Answers kept between requests (--result-cache): a repeated query is answered from memory.'
      : 'Every answer worked out (the result cache off; --result-cache keeps answers, as production does).',
  );
  await withBenchApp(
    async ({ pg, dataSource, listen }) => {
      // ---- generate and load ----
      let t = Date.now();
      const dataset: Dataset = generateProvince({ agencies: AGENCIES });
      const generatedMs = Date.now() - t;
      const cpuBefore = process.cpuUsage();
      const pgBefore = postgresCpuSeconds(pg.dataDir);
      t = Date.now();
      const loaded = await loadDataset(dataSource, dataset);
      const loadMs = Date.now() - t;
      const cpu = process.cpuUsage(cpuBefore);
      const pgCpu = postgresCpuSeconds(pg.dataDir) - pgBefore;
      const nodeCpu = (cpu.user + cpu.system) / 1e6;
      say();
      say(
        `Data set: ${loaded.agencies} agencies, ${loaded.reports} reports (${dataset.years[0]}–${dataset.years.at(-1)}), ${loaded.cells} cells, ${loaded.findings} findings, ${loaded.metrics} metric values.`,
      );
      say(
        `Generate: ${(generatedMs / 1000).toFixed(1)} s.  Load: ${(loadMs / 1000).toFixed(1)} s wall (target < 60 s), CPU ${nodeCpu.toFixed(1)} s here + ${pgCpu.toFixed(1)} s PostgreSQL.`,
      );
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      say(
        `  of which: building rows ${seconds(loaded.phases.build)} (while the database writes), waiting for writes ${seconds(loaded.phases.waitForWrites)}, indexes and keys ${seconds(loaded.phases.indexes)}, VACUUM ANALYZE ${seconds(loaded.phases.analyze)}.`,
      );

      if (SKIP_SEARCH) {
        say('Report texts left as generated; the search queries are not measured (--skip-search).');
      } else {
        t = Date.now();
        const texts = await lengthenReportTexts(dataSource);
        say(
          `Report texts for search: ${texts.reports} current reports lengthened to real length with sample report text, ${(texts.averageBytes / 1024).toFixed(1)} KB each on average (bigram index rebuilt: ${((Date.now() - t) / 1000).toFixed(1)} s).`,
        );
      }

      // A phrase in a handful of reports only: the name of one township, printed in its own reports' titles.
      const [township] = await dataSource.query<{ name: string }[]>(`SELECT name FROM agency WHERE level = 'township' ORDER BY id LIMIT 1`);
      const rarePhrase = township?.name ?? '政务公开专区';

      const url = await listen();
      const { cookie } = await signIn(url);

      // ---- the workloads ----
      const province = dataset.agencies.find((a) => a.parentId === null)!;
      const cities = dataset.agencies.filter((a) => a.level === 'city' && a.kind === 'government');
      const years = dataset.years;
      const latest = years.at(-1)! - 1;
      const tenMetrics = [
        'applications.new',
        'applications.handled',
        'applications.carriedForward',
        'outcomes.disclosureRate',
        'outcomes.substantiveDisclosureRate',
        'outcomes.notHeldShare',
        'applicants.legalPersonShare',
        'review.correctionRate',
        'litigation.correctionRate',
        'disputes.per100',
      ];
      if (!tenMetrics.every((m) => METRICS.some((d) => d.code === m))) throw new Error('benchmark metrics missing from the dictionary');
      // A different 50 agencies each run (deterministic).
      const fiftyAgencies = (i: number) => Array.from({ length: 50 }, (_, k) => String(dataset.agencies[(i * 53 + k * 59) % dataset.agencies.length]!.id));
      const city = (i: number) => String(cities[i % cities.length]!.id);

      const allWorkloads: Workload[] = [
        {
          name: 'compare 50 agencies × 7 years × 10 metrics',
          target: 100,
          request: (i) => ({
            query: `query($s: AgencySelection!, $y: [Int!]!, $m: [String!]!) { compare(selection: $s, years: $y, metrics: $m) { agencies { id name } values { agencyId year metric value numerator denominator reportId } } }`,
            variables: { s: { agencyIds: fiftyAgencies(i) }, y: years, m: tenMetrics },
          }),
        },
        {
          name: `ranking of all ${AGENCIES} agencies (disclosure rate, page of 50)`,
          target: 200,
          request: (i) => ({
            query: `query($y: Int!, $skip: Int) { ranking(metric: "outcomes.disclosureRate", year: $y, skip: $skip) { total excludedBelowMinSample items { rank agency { id name } value sample } } }`,
            variables: { y: years[i % years.length], skip: (i % 5) * 50 },
          }),
        },
        {
          name: 'province-wide roll-up (7 years × 10 metrics)',
          target: 300,
          request: () => ({
            query: `query($r: ID, $y: [Int!]!, $m: [String!]!) { rollup(rootAgencyId: $r, years: $y, metrics: $m) { year metric value reportsCounted agenciesCovered } }`,
            variables: { r: String(province.id), y: years, m: tenMetrics },
          }),
        },
        {
          name: "time series of a city's subtree",
          request: (i) => ({
            query: `query($s: AgencySelection!) { timeSeries(selection: $s, metric: "outcomes.disclosureRate") { year value reportsCounted } }`,
            variables: { s: { parentId: city(i), includeDescendants: true, includeParent: true } },
          }),
        },
        {
          name: 'breakdown: outcomes, province combined, 7 years',
          target: 300,
          request: () => ({
            query: `query($y: [Int!]!) { breakdown(dimension: OUTCOMES, selection: {}, years: $y, combine: true) { year key value share } }`,
            variables: { y: years },
          }),
        },
        {
          name: 'breakdown: withholding reasons, 50 agencies × 7 years',
          request: (i) => ({
            query: `query($s: AgencySelection!, $y: [Int!]!) { breakdown(dimension: WITHHOLDING_REASONS, selection: $s, years: $y) { agencyId year key value share } }`,
            variables: { s: { agencyIds: fiftyAgencies(i) }, y: years },
          }),
        },
        {
          name: `data quality, all agencies, one year`,
          request: (i) => ({
            query: `query($y: [Int!]!) { dataQuality(years: $y) { byRule { rule severity count } byAgencyYear { agency { id name } year errors warnings infos } } }`,
            variables: { y: [years[i % years.length]] },
          }),
        },
        {
          name: 'findings: errors, first page',
          request: () => ({ query: `{ findings(severities: [error]) { total items { reportId agency { name } year rule cells messageZh } } }` }),
        },
        // What the pages ask: the quality page's tiles and a page of its matrix, and the overview's list of what to chase.
        {
          name: `submission summary: all agencies × ${years.length} years (the quality page's tiles)`,
          target: 300,
          request: () => ({
            query: `query($y: [Int!]!) { submissionSummary(years: $y) { year agencies onTime late missing notChecked dateUnknown notDue failing publishedNotImported } }`,
            variables: { y: years },
          }),
        },
        {
          name: `submission matrix: first 100 agencies × ${years.length} years, most problems first`,
          target: 300,
          request: () => ({
            query: `query($y: [Int!]!) { submissionMatrix(years: $y, first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { agency { id name } problems submissions { year status reportId publishedOn deadline daysLate failingChecks discovery discoveredUrl discoveryDetail } } } }`,
            variables: { y: years },
          }),
        },
        {
          name: `submission summary and matrix's first 100 agencies in one request (what the quality page asks)`,
          target: 300,
          request: () => ({
            query: `query($y: [Int!]!) {
            submissionSummary(years: $y) { year agencies onTime late missing notChecked dateUnknown notDue failing publishedNotImported }
            submissionMatrix(years: $y, first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { agency { id name } problems submissions { year status reportId publishedOn deadline daysLate failingChecks discovery discoveredUrl discoveryDetail } } } }`,
            variables: { y: years },
          }),
        },
        {
          name: `submission matrix: the late tile, newest year's column sorted, first 100`,
          target: 300,
          request: () => ({
            query: `query($y: [Int!]!, $sy: Int!) { submissionMatrix(years: $y, filter: LATE, sortBy: YEAR, sortYear: $sy, first: 100) { totalCount nodes { agency { id name } problems submissions { year status reportId daysLate failingChecks discovery } } } }`,
            variables: { y: years, sy: years[years.length - 1] },
          }),
        },
        {
          name: `submissions to chase: missing, late or failing, all agencies, one year (the overview)`,
          target: 300,
          request: (i) => ({
            query: `query($y: [Int!]!) { submissions(years: $y, only: [MISSING, LATE, FAILING]) { agency { id name } year status reportId deadline daysLate failingChecks discovery discoveredUrl } }`,
            variables: { y: [years[years.length - 1 - (i % 2)]] },
          }),
        },
        {
          name: `submissions: all agencies × ${years.length} years, every row (analysts' full list; no page asks for it)`,
          request: () => ({
            query: `query($y: [Int!]!) { submissions(years: $y) { agency { id name } year status reportId publishedOn deadline daysLate failingChecks discovery discoveredUrl discoveryDetail } }`,
            variables: { y: years },
          }),
        },
        {
          name: `reports, offset paging: 50 from row ${Math.max(0, loaded.reports - 400)}`,
          request: () => ({ query: `{ reports(take: 50, skip: ${Math.max(0, loaded.reports - 400)}) { total items { id year agency { name } } } }` }),
        },
        {
          name: 'reports, cursor paging: 50 after a cursor near the end',
          request: () => ({
            query: `query($a: String) { reportsConnection(first: 50, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id year agency { name } } } }`,
            variables: { a: deepCursor },
          }),
        },
        {
          name: 'search report text (a phrase in most reports, first page)',
          request: () => ({ query: `{ searchReports(query: "依申请公开") { total items { report { id year } snippet offset } } }` }),
        },
        {
          name: "search report text (a township's name: a few reports)",
          request: () => ({
            query: `query($q: String!) { searchReports(query: $q) { total items { report { id year } snippet offset } } }`,
            variables: { q: rarePhrase },
          }),
        },
        {
          name: "agency tree: a city's children",
          request: (i) => ({ query: `query($p: ID) { agencyTree(parentId: $p) { id name childCount reportCount } }`, variables: { p: city(i) } }),
        },
        {
          name: 'export: comparison CSV (50 × 7 × 10)',
          request: (i) => ({
            path: `/api/exports/comparison.csv?agencyIds=${fiftyAgencies(i).join(',')}&years=${years.join(',')}&metrics=${tenMetrics.join(',')}`,
          }),
        },
        {
          name: 'export: comparison XLSX (50 × 7 × 10)',
          request: (i) => ({
            path: `/api/exports/comparison.xlsx?agencyIds=${fiftyAgencies(i).join(',')}&years=${years.join(',')}&metrics=${tenMetrics.join(',')}`,
          }),
        },
      ];
      const workloads = SKIP_SEARCH ? allWorkloads.filter((w) => !w.name.startsWith('search ')) : allWorkloads;

      // A cursor 400 reports before the end of the reports list, for the deep page above.
      const deepCursor = await cursorFromEnd(url, cookie, 400);

      say();
      say('| query | server p50 | server p95 | round trip p95 | CPU per request: server p95 + PostgreSQL mean | target p95 | |');
      say('|---|---:|---:|---:|---:|---:|---|');
      let missed = 0;
      for (const w of workloads.filter((x) => ONLY === null || ONLY.some((word) => x.name.includes(word)))) {
        const server: number[] = [];
        const roundTrip: number[] = [];
        const serverCpu: number[] = [];
        let postgresCpu = 0;
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const req = w.request(i);
          const pgBeforeRequest = postgresCpuSeconds(pg.dataDir);
          const cpuBeforeRequest = process.cpuUsage();
          const started = performance.now();
          const res =
            'path' in req
              ? await fetch(`${url}${req.path}`, { headers: { cookie } })
              : await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(req) });
          const body = await res.text();
          const elapsed = performance.now() - started;
          // CPU time is what the request costs when the cores are free (this process: client and server).
          const cpuUsed = process.cpuUsage(cpuBeforeRequest);
          const pgUsed = postgresCpuSeconds(pg.dataDir) - pgBeforeRequest;
          const failed = !res.ok || ('query' in req && (JSON.parse(body) as { errors?: unknown }).errors !== undefined);
          if (failed) throw new Error(`${w.name}: ${res.status} ${body.slice(0, 500)}`);
          if (i < WARMUP) continue;
          roundTrip.push(elapsed);
          serverCpu.push((cpuUsed.user + cpuUsed.system) / 1000);
          postgresCpu += pgUsed * 1000;
          // Exports have no GraphQL timing header: their round trip on localhost is their server time.
          const timing = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
          server.push(timing ? Number(timing[1]) : elapsed);
        }
        server.sort((a, b) => a - b);
        roundTrip.sort((a, b) => a - b);
        serverCpu.sort((a, b) => a - b);
        const p95 = percentile(server, 95);
        const verdict = w.target === undefined ? '' : p95 < w.target ? 'met' : 'MISSED';
        if (verdict === 'MISSED') missed++;
        say(
          `| ${w.name} | ${percentile(server, 50).toFixed(1)} ms | ${p95.toFixed(1)} ms | ${percentile(roundTrip, 95).toFixed(1)} ms | ${percentile(serverCpu, 95).toFixed(1)} + ${(postgresCpu / RUNS).toFixed(1)} ms | ${w.target ? `< ${w.target} ms` : ''} | ${verdict} |`,
        );
      }
      say();
      say(`Load average now ${loadAverage()} (on ${cpus().length} cores).`);

      // ---- the bulk download: size, time and the server's peak memory ----
      if (DATASET) {
        say();
        say(
          `Bulk download of everything (${loaded.agencies} agencies, ${loaded.reports} reports, ${loaded.cells} cells), read to the end by a client that keeps nothing:`,
        );
        say('| format | ZIP size | time | server peak RSS (before → peak during) | |');
        say('|---|---:|---:|---:|---|');
        for (const format of ['csv', 'parquet'] as const) {
          const d = await measureDownload(url, cookie, format);
          const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
          say(
            `| ${format} | ${mb(d.bytes)} MB | ${d.seconds.toFixed(1)} s | ${mb(d.rssBefore)} → ${mb(d.rssPeak)} MB (+${mb(d.rssPeak - d.rssBefore)} MB; ${d.how}) | ${d.reports} reports |`,
          );
        }
        say(`Load average now ${loadAverage()}.`);
      }

      // ---- load: the overview, CLIENTS signed-in clients at once ----
      const overview = (i: number) => {
        const root = i % 4 === 0 ? null : city(i);
        const selection = root ? { parentId: root, includeDescendants: true } : null;
        const year = years[years.length - 1 - (i % 2)]!;
        return [
          {
            query: `query($r: ID, $y: [Int!]!, $m: [String!]!) { rollup(rootAgencyId: $r, years: $y, metrics: $m) { year metric value numerator denominator reportsCounted agenciesCovered } }`,
            variables: { r: root, y: years, m: tenMetrics },
          },
          {
            query: `query($y: Int!, $s: AgencySelection) { ranking(metric: "applications.new", year: $y, selection: $s, minSample: 0, order: DESC, take: 10, scopes: [self]) { total excludedBelowMinSample items { rank value numerator denominator sample reportId agency { id name } } } }`,
            variables: { y: year, s: selection },
          },
          {
            query: `query($y: [Int!]!, $s: AgencySelection) { submissions(years: $y, selection: $s, only: [MISSING, LATE, FAILING]) { agency { id name } year status reportId publishedOn deadline daysLate failingChecks discovery } }`,
            variables: { y: [year], s: selection },
          },
        ];
      };
      if (LOAD_TEST) {
        const cookies: string[] = [];
        for (let c = 0; c < CLIENTS; c++) cookies.push((await signIn(url)).cookie);
        const latencies: number[] = [];
        let failures = 0;
        const loadStarted = performance.now();
        const until = loadStarted + LOAD_SECONDS * 1000;
        await Promise.all(
          cookies.map(async (clientCookie, c) => {
            for (let view = c; performance.now() < until; view += CLIENTS) {
              await Promise.all(
                overview(view).map(async (req) => {
                  const started = performance.now();
                  const res = await fetch(`${url}/graphql`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', cookie: clientCookie },
                    body: JSON.stringify(req),
                  });
                  const body = (await res.json()) as { errors?: unknown };
                  latencies.push(performance.now() - started);
                  if (!res.ok || body.errors) failures++;
                }),
              );
            }
          }),
        );
        const loadSeconds = (performance.now() - loadStarted) / 1000;
        latencies.sort((a, b) => a - b);
        say();
        say(`Load: ${CLIENTS} signed-in clients opening the overview (roll-up, top-10 ranking, what to chase) for ${loadSeconds.toFixed(1)} s:`);
        say(
          `  ${latencies.length} requests, ${(latencies.length / loadSeconds).toFixed(1)} requests/s, round trip p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
            `p95 ${percentile(latencies, 95).toFixed(0)} ms, ${failures} failed. Load average now ${loadAverage()}.`,
        );
        if (failures) missed++;
      }

      if (EXPLAIN) await explain(dataSource, String(province.id), years, tenMetrics, latest, rarePhrase);
      process.exitCode = missed ? 1 : 0;
    },
    { RESULT_CACHE_MB: RESULT_CACHE ? '256' : '0' },
  );
}

async function graphql<T>(url: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL refused: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The cursor `fromEnd` reports before the end of the reports list, walking back from its end 100 at a time. */
async function cursorFromEnd(url: string, cookie: string, fromEnd: number): Promise<string | null> {
  let before: string | null = null;
  for (let walked = 0; walked < fromEnd; walked += 100) {
    const data: { reportsConnection: { pageInfo: { startCursor: string | null } } } = await graphql(
      url,
      cookie,
      'query($b: String) { reportsConnection(last: 100, before: $b) { pageInfo { startCursor } } }',
      { b: before },
    );
    before = data.reportsConnection.pageInfo.startCursor ?? before;
  }
  return before;
}

/**
 * Downloads the whole data set in one format, reading the response to its end without keeping it, and measures
 * this process's (the server's) peak resident set while it streams: VmHWM after resetting it (writing 5 to
 * /proc/self/clear_refs), else the highest of samples taken every 20 ms.
 */
async function measureDownload(url: string, cookie: string, format: 'csv' | 'parquet') {
  let how = 'VmHWM';
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    how = 'sampled every 20 ms';
  }
  const rssBefore = process.memoryUsage().rss;
  let sampled = rssBefore;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/exports/dataset.zip?format=${format}`, { headers: { cookie } });
    if (!res.ok || !res.body) throw new Error(`dataset ${format}: ${res.status} ${await res.text()}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
    const seconds = (performance.now() - started) / 1000;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    const rssPeak = how === 'VmHWM' && hwm ? Number(hwm[1]) * 1024 : Math.max(sampled, process.memoryUsage().rss);
    return { bytes, seconds, rssBefore, rssPeak, how, reports: res.headers.get('x-dataset-reports') ?? '?' };
  } finally {
    clearInterval(sampler);
  }
}

/** EXPLAIN ANALYZE of the statements behind the three targets and the text search, to see which indexes they use. */
async function explain(
  dataSource: DataSource,
  provinceId: string,
  years: readonly number[],
  metrics: readonly string[],
  year: number,
  phrase: string,
): Promise<void> {
  const all = (await dataSource.query<{ id: number }[]>('SELECT id FROM agency')).map((r) => r.id);
  const show = async (title: string, sql: string, params: unknown[]) => {
    const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    say();
    say(`-- ${title}`);
    for (const row of plan) say(row['QUERY PLAN']);
  };
  await show(
    'compare: current reports of 50 agencies × years, their metrics',
    `SELECT r.agency_id, r.year, r.id, m.code, rm.value FROM report r CROSS JOIN unnest($3::text[]) AS m(code)
       LEFT JOIN report_metric rm ON rm.report_id = r.id AND rm.metric_code = m.code
      WHERE r.is_current AND r.agency_id = ANY($1::int[]) AND r.year = ANY($2::int[])`,
    [all.slice(0, 50), years, metrics],
  );
  await show(
    'ranking: one metric of every current report of a year',
    `SELECT r.id, rm.value, h.value FROM report r JOIN report_metric rm ON rm.report_id = r.id AND rm.metric_code = 'outcomes.disclosureRate'
       LEFT JOIN report_metric h ON h.report_id = r.id AND h.metric_code = 'applications.handled'
      WHERE r.is_current AND r.year = $1 AND r.agency_id = ANY($2::int[])`,
    [year, all],
  );
  await show(
    'search: current reports holding every bigram of the phrase, then the phrase itself',
    `SELECT r.id FROM report r WHERE r.is_current AND report_text_bigrams(r.raw_text) @> report_text_bigrams($1) AND strpos(r.raw_text, $1) > 0`,
    [phrase],
  );
  void provinceId;
}

/**
 * The generated reports' texts are a few hundred characters; real ones are ≈ 15 KB. Each current report gets a
 * stretch of the sample reports' real text appended (a different stretch per report), so the search runs on
 * real-length Chinese text. The bigram index is dropped for the update and built again after, as a bulk load would.
 */
async function lengthenReportTexts(dataSource: DataSource): Promise<{ reports: number; averageBytes: number }> {
  const samples = readdirSync(SEED_REPORTS_DIR)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(SEED_REPORTS_DIR, f), 'utf8'));
  const pool = samples.join('\n');
  const [index] = await dataSource.query<{ indexdef: string }[]>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'report_text_bigrams_idx'`);
  if (index) await dataSource.query('DROP INDEX report_text_bigrams_idx');
  // ≈ 15 KB of UTF-8 is ≈ 5 000 Chinese characters.
  const chars = Math.min(5000, Math.max(1, pool.length - 1));
  await dataSource.query(
    `UPDATE report SET raw_text = raw_text || E'\\n' || substr($1, 1 + (id * 7919) % greatest(char_length($1) - $2, 1), $2) WHERE is_current`,
    [pool, chars],
  );
  if (index) await dataSource.query(index.indexdef);
  await dataSource.query('ANALYZE report');
  const [stats] = await dataSource.query<{ reports: number; bytes: number }[]>(
    'SELECT count(*)::int AS reports, coalesce(avg(octet_length(raw_text)), 0)::float8 AS bytes FROM report WHERE is_current',
  );
  return { reports: stats!.reports, averageBytes: stats!.bytes };
}

main().catch((err: unknown) => {
  process.stderr.write(`Benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
