/**
 * Serves kept answers (common/graphql/result-cache.ts) and keeps new ones. An answer is kept per asker: the
 * role and agencies of the session or token, worked out as the access guard does (once per request, however many
 * ask), so a kept answer reaches only someone the guard would have let through to the same answer.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { listenForDataChanges, type DataChangeListener } from '@ogi/database';
import { chinaDate } from '@ogi/domain';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { DataSource } from 'typeorm';
import { scopeOfUser } from '../../common/access/signed-in-user.js';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { CACHED_FIELDS, MUTATIONS_KEEPING_ANSWERS, ResultCache, resultKey, whenPrinted } from '../../common/graphql/result-cache.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Request } from 'express';
import { AnswersRefresh } from './answers-refresh.service.js';
import { ASKED_AGAIN_HEADER, AskedQuestionsService } from './asked-questions.service.js';
import { RequestIdentities, userOf } from './request-identity.service.js';

/** Whether every root field of the operation is a query field whose answer may be kept. */
function keepable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHED_FIELDS.has(s.name.value) && !s.directives?.length);
}

@Plugin()
export class ResultCachePlugin implements ApolloServerPlugin<GraphqlContext>, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ResultCache');
  readonly cache: ResultCache;
  private listener: DataChangeListener | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly identities: RequestIdentities,
    private readonly askedQuestions: AskedQuestionsService,
    private readonly refresh: AnswersRefresh,
  ) {
    this.cache = new ResultCache(config.resultCacheBytes);
  }

  onModuleInit(): void {
    if (!this.cache.enabled) return;
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    let warned = false;
    this.listener = listenForDataChanges(url, {
      onChange: () => this.forget(),
      onListening: () => {
        this.cache.listening();
        if (warned) {
          this.logger.log('Hearing data changes again: answers are kept again.');
          // Whatever changed while deaf is unknown: the answers are worked out afresh.
          this.refresh.dataChanged();
        }
        warned = false;
      },
      onDeaf: (error) => {
        this.cache.deaf();
        if (!warned) this.logger.warn(`Cannot hear data changes (${error?.message ?? 'connection closed'}): no answer is kept until it can.`);
        warned = true;
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.close();
  }

  /** Drops every kept answer: the data changed. They are worked out again once the data is quiet (AnswersRefresh). */
  private forget(): void {
    this.cache.forget();
    this.refresh.dataChanged();
  }

  /** The asker's role and agencies, as the access guard will work them out; null for nobody signed in. */
  private async askerOf(req: Request): Promise<string | null> {
    const who = await this.identities.of(req);
    const user = userOf(who);
    if (!user) return null;
    const scope = scopeOfUser(user);
    return `${who.via}:${user.role}:${scope.all ? '*' : [...scope.agencyIds].sort((a, b) => a - b).join(',')}`;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<GraphqlContext>> {
    const cache = this.cache;
    if (!cache.enabled) return {};
    let key: string | null = null;
    /** What was asked and by whom, written down when its answer is kept (asked again after a restart). */
    let question: Parameters<AskedQuestionsService['remember']>[0] | null = null;
    let askedAgain = false;
    let generation = 0;
    let served = false;
    let changed = false;
    return {
      responseForOperation: async ({ operation, request, contextValue }) => {
        if (operation.operation === 'mutation') {
          changed = !operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && MUTATIONS_KEEPING_ANSWERS.has(s.name.value));
          return null;
        }
        if (!keepable(operation) || request.query === undefined) return null;
        const asker = await this.askerOf(contextValue.req);
        if (!asker) return null;
        key = resultKey(asker, chinaDate(new Date()), request.query, request.operationName, request.variables);
        question = { asker, query: request.query, operationName: request.operationName ?? null, variables: request.variables ?? {} };
        askedAgain = contextValue.req.headers[ASKED_AGAIN_HEADER] !== undefined;
        generation = cache.generation;
        const data = cache.lookup(key);
        if (!data) return null;
        served = true;
        return { body: { kind: 'single', singleResult: { data } }, http: { status: undefined, headers: new HeaderMap() } };
      },
      willSendResponse: async ({ response }) => {
        // This server's own writes are forgotten at once, before the answer reaches the browser that will ask
        // again; the database's announcement (a moment later) covers every other writer.
        if (changed) this.forget();
        if (key === null) return;
        response.http.headers.set('x-result-cache', served ? 'hit' : 'miss');
        if (served || response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (errors?.length || !data) return;
        const kept = key;
        whenPrinted(data, (bytes) => cache.keep(kept, data, bytes, generation));
        if (question && !askedAgain) this.askedQuestions.remember(question);
      },
    };
  }
}
