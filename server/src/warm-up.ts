/**
 * What the first visitor after a start would otherwise pay for, done before the server says it is ready: the
 * overview's first load after a start took about twice as long as later ones. Measured on the generated province
 * (1 000 agencies, a busy machine), the overview's four requests took 0.7–1.1 s on a fresh server and 0.25–0.4 s on
 * the next loads; a few signed-in requests beforehand made the first load as fast as the later ones. What was cold:
 * PostgreSQL
 * connections (the pool opens them on demand, each a new backend whose catalogue caches start empty), the
 * overview's own query paths (the roll-up, ranking and submissions SQL and the code that reads their rows, compiled
 * by V8 on first use) and the GraphQL request pipeline.
 *
 * So, before listening: every pool connection is opened (the pool keeps them, see DatabaseModule), the overview's
 * queries run once over the whole database for its newest year, and the dashboard's first requests go through the
 * HTTP and GraphQL pipeline on a loopback port of its own. No data is written. A failure here is logged and the start
 * goes on. Measured the same way, the first load then took 0.24–0.53 s: about half the penalty is gone; the rest is
 * the signed-in path of each query (validating its arguments, the resolvers), which cannot run without a session.
 *
 * Since the server keeps answers until the data change (common/graphql/result-cache.ts), later loads are answered
 * from memory, which a first load after a start cannot match by being warm alone. So, last, the questions asked in
 * the last days are asked again, each as its asker (modules/accounts/asked-questions.service.ts), and their answers
 * kept: the first visitors after a start are then answered from memory as well.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MetricCode } from '@ogi/domain';
import { DataSource } from 'typeorm';
import { ALL_AGENCIES } from './common/access/agency-scope.js';
import { SESSION_COOKIE } from './common/access/session-cookie.js';
import { onLoopback } from './common/http/on-loopback.js';
import { AskedQuestionsService } from './modules/accounts/asked-questions.service.js';
import { ResultCachePlugin } from './modules/accounts/result-cache.plugin.js';
import { AnalyticsService } from './modules/analytics/analytics.service.js';
import { RankOrder } from './modules/analytics/models/ranking.model.js';
import { QualityService } from './modules/analytics/quality.service.js';

/** The overview's headline figures (the dashboard asks these and a few more of the same kind). */
const OVERVIEW_METRICS = [
  'applications.new',
  'applications.handled',
  'outcomes.disclosureRate',
  'timeliness.onTimeRate',
] as const satisfies readonly MetricCode[];
/** How many data years the overview shows. */
const OVERVIEW_YEARS = 7;

export async function warmUp(app: NestExpressApplication, poolSize: number, logger: Pick<Logger, 'log' | 'warn'>): Promise<void> {
  const started = Date.now();
  try {
    await app.init();
    const db = app.get(DataSource);
    // Opened together, the pool makes them all (and keeps them: its minimum is its size).
    await Promise.all(Array.from({ length: poolSize }, () => db.query('SELECT 1')));
    const [newest] = await db.query<{ year: number | null }[]>('SELECT max(year)::int AS year FROM report WHERE is_current');
    const year = newest?.year ?? null;
    if (year !== null) {
      const years = Array.from({ length: OVERVIEW_YEARS }, (_, i) => year - OVERVIEW_YEARS + 1 + i);
      const analytics = app.get(AnalyticsService);
      await Promise.all([
        analytics.rollup(null, years, OVERVIEW_METRICS, ALL_AGENCIES),
        analytics.ranking(
          {
            metric: 'applications.new',
            year,
            selection: null,
            minSample: 0,
            order: RankOrder.DESC,
            scopes: ['self'],
            includeDoubtful: false,
            take: 10,
            skip: 0,
          },
          ALL_AGENCIES,
        ),
        app.get(QualityService).submissions([year], null, ALL_AGENCIES, undefined, ['MISSING', 'LATE', 'FAILING']),
      ]);
    }
    const askedAgain = await onLoopback(app.getHttpAdapter().getInstance(), async (baseUrl) => {
      await firstRequests(baseUrl, year ?? new Date().getFullYear() - 1);
      return (await resultCacheKeeping(app)) ? app.get(AskedQuestionsService).askAgain(baseUrl) : 0;
    });
    logger.log(
      `Warmed up in ${Date.now() - started} ms (database connections, the overview's queries, the GraphQL pipeline` +
        `${askedAgain ? `, ${askedAgain} recent question${askedAgain === 1 ? '' : 's'} answered again and kept` : ''}).`,
    );
  } catch (err) {
    logger.warn(`Warming up failed (the first requests will be slower): ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Whether the result cache keeps answers, once it hears data changes (its listener connects as the app starts). */
async function resultCacheKeeping(app: NestExpressApplication, waitMs = 5_000): Promise<boolean> {
  const cache = app.get(ResultCachePlugin).cache;
  if (!cache.enabled) return false;
  for (const until = Date.now() + waitMs; !cache.keeping && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
  return cache.keeping;
}

/**
 * The dashboard's first requests through the whole HTTP and GraphQL pipeline, at once as a browser sends them: who
 * is signed in (with a session cookie no session has, so the session lookup runs and finds none) and the overview's
 * three queries for the newest year with reports (parsed, validated and costed, then refused: nobody is signed in).
 * Nothing is read or written for anyone.
 */
async function firstRequests(baseUrl: string, year: number): Promise<void> {
  const unknownSession = `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`;
  const queries = [
    '{ session { csrfToken } }',
    `{ rollup(rootAgencyId: null, years: [${year}], metrics: ["applications.new"]) { year metric value reportsCounted agenciesCovered } }`,
    `{ ranking(metric: "applications.new", year: ${year}, take: 10) { total items { rank agency { id name } value } } }`,
    `{ submissions(years: [${year}], only: [MISSING, LATE, FAILING]) { agency { id name } year status daysLate failingChecks } }`,
  ];
  await Promise.all(
    queries.map(async (query) => {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: unknownSession },
        body: JSON.stringify({ query }),
      });
      await res.text();
    }),
  );
}
