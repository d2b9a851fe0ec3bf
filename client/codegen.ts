import type { CodegenConfig } from '@graphql-codegen/cli';

/** Where the generated types go (relative to the client folder, where codegen runs). */
export const GENERATED_DIR = 'src/graphql/generated/';

/**
 * Result and variables types of every operation in `src/graphql/*.graphql`, generated from the server's committed
 * schema as typed document nodes. The output is committed; `pnpm check` runs this with `--check`, which fails when
 * a document asks for something the schema lacks or when the committed output is stale.
 */
const config = {
  schema: '../server/schema.gql',
  documents: ['src/graphql/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTime: 'string', ID: { input: 'string', output: 'string' } },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: true,
      },
    },
  },
} satisfies CodegenConfig;

export default config;
