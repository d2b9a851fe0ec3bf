/**
 * The session a dashboard page carries (common/http/dashboard.ts): the dashboard's own `Session` query, run for
 * the page's request through the GraphQL server in this process, so the access guard and the resolver decide it
 * exactly as they decide the query the dashboard would otherwise send.
 */
import type { ApolloServer } from '@apollo/server';
import type { INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import type { Request } from 'express';
import type { PageSessionOf } from '../../common/http/dashboard.js';
import { RequestLoaders, type GraphqlContext } from '../../common/graphql/request-loaders.js';

/** The dashboard's `Session` query (client/src/graphql/session.query.graphql; a test keeps the two the same). */
export const PAGE_SESSION_QUERY = `query Session {
  session {
    csrfToken
    expiresAt
    user {
      id
      username
      displayName
      role
      agency {
        id
        name
      }
    }
  }
}`;

/** Answers the dashboard's `Session` query for a page request; undefined when it answers with an error. */
export function pageSessionOf(app: INestApplication): PageSessionOf {
  let apollo: ApolloServer | null = null;
  return async (req: Request) => {
    apollo ??= (app.get(GraphQLModule).graphQlAdapter as ApolloDriver).instance;
    const answer = await apollo.executeOperation(
      { query: PAGE_SESSION_QUERY },
      { contextValue: { req, loaders: new RequestLoaders(req) } satisfies GraphqlContext },
    );
    if (answer.body.kind !== 'single') return undefined;
    const { data, errors } = answer.body.singleResult;
    return errors?.length || !data ? undefined : (data as { session: unknown }).session;
  };
}
