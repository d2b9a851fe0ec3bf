/**
 * The questions whose answers the result cache kept (common/graphql/result-cache.ts), remembered in PostgreSQL so
 * that a restart does not make the first visitors pay: before the server listens, the warm-up asks the recent ones
 * again, each as its asker (a role and its agencies), through a session of a user who asks as the same. The answers
 * are then kept in memory exactly as if a visitor had asked. Only the question is stored — the operation, its
 * variables and the asker's role and agencies — never an answer, and never who the person was.
 */
import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { isRole } from '@ogi/domain';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '../../common/access/session-cookie.js';
import { withSortedKeys } from '../../common/graphql/result-cache.js';
import { SessionsService } from './sessions.service.js';

/** The header the warm-up's own requests carry, so that asking a question again does not make it look recent. */
export const ASKED_AGAIN_HEADER = 'x-ogi-asked-again';

/** How recent a question must be to be asked again after a restart, and how many are at most. */
const RECENT_DAYS = 7;
const ASK_AGAIN_AT_MOST = 60;
/** Questions not asked for this long are forgotten. */
const FORGET_AFTER_DAYS = 30;
/** How many questions this process remembers having written down lately (beyond it, it starts afresh). */
const WRITTEN_AT_MOST = 10_000;
/** How many questions the warm-up asks at once (a 2-core server; the first visitors may already be waiting). */
const AT_ONCE = 3;
/** The warm-up stops asking after this long; the rest are worked out when someone asks. */
const ASKING_AGAIN_FOR_MS = 30_000;

/** A question as asked: the asker is the result cache's (`session:<role>:<agencies, or * for all>`). */
interface AskedQuestion {
  asker: string;
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
}

/** The role and agencies of a session asker; null for any other (tokens ask from scripts, which retry anyway). */
function sessionAsker(asker: string): { role: string; agencyId: number | null } | null {
  const m = /^session:([a-z]+):(\*|\d+)$/.exec(asker);
  if (!m || !isRole(m[1]!)) return null;
  return { role: m[1]!, agencyId: m[2] === '*' ? null : Number(m[2]) };
}

@Injectable()
export class AskedQuestionsService {
  private readonly logger = new Logger('AskedQuestions');
  /** When each question was last written down by this process: a question asked often is written once a while. */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  /** Writes the question down (at most every ten minutes per question); a failure only means it is not asked again. */
  remember(question: AskedQuestion): void {
    const key = createHash('sha256')
      // Variables in one key order, as the cache's own key reads them: one row per question however it was sent.
      .update(JSON.stringify([question.asker, question.operationName, question.query, withSortedKeys(question.variables)]))
      .digest('hex');
    const now = Date.now();
    if (now - (this.written.get(key) ?? 0) < 600_000) return;
    if (this.written.size >= WRITTEN_AT_MOST) this.written.clear();
    this.written.set(key, now);
    this.dataSource
      .query(
        `INSERT INTO asked_question (key, asker, query, operation_name, variables) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET last_asked_at = now()`,
        [key, question.asker, question.query, question.operationName, JSON.stringify(question.variables)],
      )
      .catch((e: unknown) => this.logger.warn(`Could not write down a question: ${e instanceof Error ? e.message : String(e)}`));
  }

  /**
   * Asks the recent questions again on `baseUrl` (the server's own address), each through a session opened for a
   * user who asks as the question's asker did, ended afterwards. Returns how many were answered. `stop` ends the
   * asking early (the data changed again: what is worked out now would not be kept).
   */
  async askAgain(baseUrl: string, stop?: AbortSignal): Promise<number> {
    await this.dataSource.query(`DELETE FROM asked_question WHERE last_asked_at < now() - make_interval(days => $1)`, [FORGET_AFTER_DAYS]);
    const rows: { asker: string; query: string; operation_name: string | null; variables: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT asker, query, operation_name, variables FROM asked_question
        WHERE last_asked_at > now() - make_interval(days => $1) ORDER BY last_asked_at DESC LIMIT $2`,
      [RECENT_DAYS, ASK_AGAIN_AT_MOST],
    );
    const byAsker = new Map<string, AskedQuestion[]>();
    for (const r of rows) {
      const question = { asker: r.asker, query: r.query, operationName: r.operation_name, variables: r.variables };
      byAsker.set(r.asker, [...(byAsker.get(r.asker) ?? []), question]);
    }
    const until = Date.now() + ASKING_AGAIN_FOR_MS;
    let answered = 0;
    for (const [asker, questions] of byAsker) {
      const as = sessionAsker(asker);
      if (!as || Date.now() > until || stop?.aborted) continue;
      const [user] = await this.dataSource.query<{ id: number }[]>(
        `SELECT id FROM app_user WHERE role = $1 AND NOT disabled AND agency_id IS NOT DISTINCT FROM $2 ORDER BY id LIMIT 1`,
        [as.role, as.agencyId],
      );
      if (!user) continue;
      const { token } = await this.sessions.open(user.id, { ip: '127.0.0.1', headers: { 'user-agent': 'warm-up' } } as unknown as Request);
      try {
        answered += await this.askAll(baseUrl, token, questions, until, stop);
      } finally {
        const session = await this.sessions.find(token);
        if (session && session !== 'ended') await this.sessions.end(session.id);
      }
    }
    return answered;
  }

  /** Asks the questions, a few at a time, until the time is up or asking is stopped; returns how many were answered without an error. */
  private async askAll(baseUrl: string, token: string, questions: readonly AskedQuestion[], until: number, stop?: AbortSignal): Promise<number> {
    let next = 0;
    let answered = 0;
    const worker = async () => {
      while (next < questions.length && Date.now() <= until && !stop?.aborted) {
        const q = questions[next++]!;
        const res = await fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}`, [ASKED_AGAIN_HEADER]: '1' },
          body: JSON.stringify({ query: q.query, operationName: q.operationName, variables: q.variables }),
        });
        const body = (await res.json().catch(() => null)) as { errors?: unknown[] } | null;
        if (res.ok && body && !body.errors?.length) answered++;
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    return answered;
  }
}
