/**
 * `pnpm bench:briefing`: the annual briefing of the national-scale province (3 000 agencies × 2019–2025, the
 * generated data set of `pnpm bench:api`), generated as DOCX over HTTP as a leader would download it — every
 * section, the league tables of all thresholds, notable changes over all agencies, the server-rendered chart —
 * and the notice and the follow-up list of the same year. Prints wall times (median and worst of the runs) with
 * the load average; the target is a briefing in under 10 s. Measured here, never asserted in tests.
 *
 *   pnpm bench:briefing [--agencies 3000] [--runs 5]
 */
import { generateProvince, loadDataset } from '@ogi/write-model/dataset';
import { loadAverage, option, say, signIn, withBenchApp } from './bench-app.js';

const AGENCIES = option('agencies', 3000);
const RUNS = option('runs', 5);

async function main(): Promise<void> {
  say(`OGI Observatory — briefing benchmark (${AGENCIES} agencies, ${RUNS} runs each, load average ${loadAverage()})`);
  await withBenchApp(async ({ dataSource, listen }) => {
    const dataset = generateProvince({ agencies: AGENCIES });
    let t = Date.now();
    const loaded = await loadDataset(dataSource, dataset);
    say(
      `Data set: ${loaded.agencies} agencies, ${loaded.reports} reports, ${loaded.metrics} metric values; loaded in ${((Date.now() - t) / 1000).toFixed(1)} s.`,
    );

    const url = await listen();
    const { cookie, csrf } = await signIn(url);
    const year = dataset.years.at(-1)! - 1;

    const measure = async (name: string, send: () => Promise<Response>, target?: number) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        t = Date.now();
        const res = await send();
        const body = await res.arrayBuffer();
        if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
        times.push(Date.now() - t);
        bytes = body.byteLength;
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      const verdict = target === undefined ? '' : median < target ? `  (target < ${target / 1000} s: met)` : `  (target < ${target / 1000} s: NOT met)`;
      say(`${name}: median ${(median / 1000).toFixed(2)} s, worst ${(times.at(-1)! / 1000).toFixed(2)} s, ${(bytes / 1024).toFixed(0)} KB${verdict}`);
    };
    const get = (path: string) => () => fetch(`${url}${path}`, { headers: { cookie } });
    const gql = (query: string) => () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ query }),
      });

    say();
    await measure(`briefing DOCX, whole province, ${year}`, get(`/api/briefing.docx?year=${year}`), 10_000);
    await measure(
      `briefing (GraphQL), whole province, ${year}`,
      gql(`{ briefing(year: ${year}) { headlines { sentenceZh } leagues { rows { colour } } notableChanges { messageZh } } }`),
    );
    await measure(`notice DOCX, whole province, ${year}`, get(`/api/notice.docx?year=${year}`));
    await measure(`follow-up list built, whole province, ${year}`, gql(`mutation { refreshFollowUps(year: ${year}) { created updated open } }`));
    say(`Load average at the end: ${loadAverage()}`);
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
