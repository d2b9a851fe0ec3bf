/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the GraphQL endpoint lives; defaults to the same origin's `/graphql`. */
  readonly VITE_GRAPHQL_URL?: string;
}
