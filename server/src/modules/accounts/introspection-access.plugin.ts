/**
 * GraphQL introspection (`__schema`, `__type`) never reaches a resolver, so the access guard never sees it. This
 * Apollo plugin closes it to anyone not signed in: the schema is for the people who use the API (analysts use it
 * in the GraphQL explorer, scripts with a personal access token), not for strangers probing it.
 */
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, visit, BREAK, type DocumentNode } from 'graphql';
import type { GraphqlContext } from '../../common/graphql/request-loaders.js';
import { RequestIdentities, userOf } from './request-identity.service.js';

export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

@Plugin()
export class IntrospectionAccessPlugin implements ApolloServerPlugin<GraphqlContext> {
  constructor(private readonly identities: RequestIdentities) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphqlContext>> {
    return {
      didResolveOperation: async ({ document, contextValue }) => {
        if (!asksForSchema(document)) return;
        if (userOf(await this.identities.of(contextValue.req))) return;
        throw new GraphQLError('请先登录。Please sign in.', { extensions: { code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN', http: { status: 401 } } });
      },
    };
  }
}
