/**
 * The scheduled listing poll (COLLECT_POLL_ENABLED, off by default): a minute after start, then every
 * COLLECT_POLL_INTERVAL_HOURS, checks every agency's listing page for its latest data year whose deadline has
 * passed (31 Jan for departments, 31 Mar for governments) and records what it found. A poll still running when
 * the next is due is not doubled; stopping the server stops a running poll.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@ogi/database';
import { ALL_AGENCIES } from '../../common/access/agency-scope.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { ListingCheckService, type ListingCheckRecord } from './listing-check.service.js';

const FIRST_POLL_DELAY_MS = 60_000;

@Injectable()
export class ListingPollScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ListingPoll');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ListingCheckRecord[]> | null = null;
  private readonly stop = new AbortController();

  constructor(
    private readonly checks: ListingCheckService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.collect.pollEnabled) return;
    this.logger.log(`Listing poll on: every ${this.config.collect.pollIntervalHours} h, first in ${FIRST_POLL_DELAY_MS / 1000} s.`);
    this.schedule(FIRST_POLL_DELAY_MS);
  }

  private schedule(delayMs: number) {
    this.timer = setTimeout(() => {
      void this.pollOnce().finally(() => {
        if (!this.stop.signal.aborted) this.schedule(this.config.collect.pollIntervalHours * 3_600_000);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** One poll now (the schedule calls it; so can an operator). Resolves with what was recorded. */
  async pollOnce(at: Date = new Date()): Promise<ListingCheckRecord[]> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const records = await this.checks.checkListings(ALL_AGENCIES, { at, signal: this.stop.signal, actor: SYSTEM_ACTOR });
        const count = (outcome: string) => records.filter((r) => r.outcome === outcome).length;
        this.logger.log(
          `Checked ${records.length} agencies: ${count('IMPORTED')} imported, ${count('PUBLISHED_NOT_IMPORTED')} published but not imported, ` +
            `${count('NOT_FOUND')} not found, ${count('FAILED')} failed.`,
        );
        return records;
      } catch (err) {
        this.logger.error(`Listing poll failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return [];
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.stop.abort();
    await this.running;
  }
}
