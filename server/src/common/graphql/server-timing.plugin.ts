/**
 * `Server-Timing: graphql;dur=<ms>` on every GraphQL response: the time the server spent on the operation
 * (parse, validate, execute), readable in the browser's network panel and used by `pnpm bench:api`.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function serverTimingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          response.http.headers.set('server-timing', `graphql;dur=${ms.toFixed(2)}`);
        },
      };
    },
  };
}
