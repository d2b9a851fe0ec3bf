/**
 * Works the kept answers out again after the data changed, before anyone asks. Every committed change drops every
 * kept answer (common/graphql/result-cache.ts): without this, the first visitor after each import or correction waits
 * for the answers to be worked out, as after a restart (at 3 000 agencies, the overview's four requests take
 * 0.2–0.4 s of server time worked out and a few milliseconds from memory). So once the data has been quiet for a
 * moment, the recent questions are asked again, each as its asker (AskedQuestionsService, as the warm-up does after a
 * start), through the app on a loopback port of its own; their answers then hold the change. A change heard while asking
 * stops the asking (what is worked out across a change is not kept anyway) and starts the wait again, so a batch of
 * imports is followed by one round of asking, not one per file.
 */
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { RequestListener } from 'node:http';
import { onLoopback } from '../../common/http/on-loopback.js';
import { AskedQuestionsService } from './asked-questions.service.js';

/** How long the data must stay unchanged before the questions are asked again (imports write in bursts). */
export const QUIET_BEFORE_ASKING_MS = 2_000;

@Injectable()
export class AnswersRefresh implements OnModuleDestroy {
  private readonly logger = new Logger('AnswersRefresh');
  private timer: NodeJS.Timeout | null = null;
  /** The asking under way, and how to stop it. */
  private running: { done: Promise<void>; stop: AbortController } | null = null;
  private closed = false;

  constructor(
    private readonly askedQuestions: AskedQuestionsService,
    private readonly http: HttpAdapterHost,
  ) {}

  /** The data changed: stop any asking under way and ask again once it has been quiet for a moment. */
  dataChanged(): void {
    if (this.closed) return;
    this.running?.stop.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.askAgain();
    }, QUIET_BEFORE_ASKING_MS);
    this.timer.unref();
  }

  /** Resolves once nothing is waiting to be asked or being asked (for tests and an orderly stop). */
  async idle(): Promise<void> {
    while (this.timer || this.running) {
      if (this.running) await this.running.done;
      else await new Promise((r) => setTimeout(r, 50));
    }
  }

  onModuleDestroy(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running?.stop.abort();
  }

  private askAgain(): void {
    const handler = this.http.httpAdapter?.getInstance<RequestListener>();
    if (!handler) return;
    const stop = new AbortController();
    const started = Date.now();
    const done = onLoopback(handler, (baseUrl) => this.askedQuestions.askAgain(baseUrl, stop.signal))
      .then((answered) => {
        if (answered && !stop.signal.aborted) this.logger.log(`The data changed: ${answered} recent questions answered again in ${Date.now() - started} ms.`);
      })
      .catch((e: unknown) => this.logger.warn(`Asking the recent questions again failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        if (this.running?.stop === stop) this.running = null;
      });
    this.running = { done, stop };
  }
}
