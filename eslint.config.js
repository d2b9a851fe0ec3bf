// Lint for the whole workspace. Style is Prettier's job; this file holds correctness rules and the
// architecture's import boundaries, so a forbidden import fails `pnpm check` instead of waiting for a reviewer.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Imports that cross a layer the wrong way, per folder. Each message says what to do instead. */
const boundaries = [
  {
    files: ['packages/domain/**'],
    patterns: [{ group: ['@ogi/*'], message: 'packages/domain is the bottom layer: it imports no workspace package.' }],
  },
  {
    files: ['packages/parser/**', 'packages/charts/**'],
    patterns: [
      {
        group: ['@ogi/server', '@ogi/server/*', '@ogi/write-model', '@ogi/write-model/*', '@ogi/database', '@ogi/database/*', '@ogi/client', '@ogi/client/*'],
        message: 'Packages import only other packages (domain), never the database, the write model or the apps.',
      },
    ],
  },
  {
    // The layering is one-way: server → write-model → database → packages.
    files: ['database/write-model/**'],
    patterns: [
      {
        group: ['@ogi/server', '@ogi/server/*', '@ogi/client', '@ogi/client/*'],
        message: 'The write model sits below the server: the server imports it, not the other way round.',
      },
    ],
  },
  {
    files: ['database/src/**'],
    patterns: [
      {
        group: ['@ogi/write-model', '@ogi/write-model/*'],
        message: 'database sits below the write model: the write model imports it, never the other way round.',
      },
      {
        group: ['@ogi/server', '@ogi/server/*', '@ogi/client', '@ogi/client/*'],
        message: 'database sits below the server: the server imports it, not the other way round.',
      },
    ],
  },
  {
    files: ['server/src/common/**', 'server/src/config/**'],
    patterns: [
      {
        regex: '(^|/)modules/',
        message: 'common and config are below the feature modules: move the shared piece down into common, or the code up into its module.',
      },
    ],
  },
  {
    files: [
      'client/src/components/**',
      'client/src/composables/**',
      'client/src/metrics/**',
      'client/src/filters/**',
      'client/src/export/**',
      'client/src/graphql/**',
      'client/src/stores/**',
      'client/src/api/**',
    ],
    patterns: [
      { regex: '(^|/)views/', message: 'Shared client code never imports a page: move what both need into a shared folder (components, metrics, …).' },
    ],
  },
  {
    files: ['client/src/views/**'],
    // `../other-view/…` from inside a view folder: one page used as a library by another.
    patterns: [
      { regex: '^\\.\\./(?!\\.\\.)[^/]+/', message: 'A page imports another page only through a shared module: move the shared piece out of views/.' },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'client/graphiql/**',
      'client/src/graphql/generated/**',
      'e2e/test-results/**',
      'e2e/playwright-report/**',
      '.data/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    rules: {
      // TypeScript checks these better than ESLint can (`pnpm check` runs tsc and vue-tsc).
      'no-undef': 'off',
      'no-unused-vars': 'off',
      // The parser and the upload checks match control characters on purpose (Word field codes, C0 bytes in names).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  ...boundaries.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })),
  {
    // No import cycles within a package: a cycle makes load order decide what a module sees. Workspace packages
    // are not followed (their one-way order is the boundaries' job above); `.js` specifiers name `.ts` sources.
    files: ['**/*.ts', '**/*.vue'],
    plugins: { 'import-x': importX },
    // The rule reads each imported file with the parser named for its extension below and the parser options of
    // the file being linted: a `.ts` file's options must name the TypeScript parser too, or vue-eslint-parser would
    // read an imported component's `<script lang="ts">` as JavaScript, fail, and hide the cycles through it.
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.vue'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'vue-eslint-parser': ['.vue'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.vue', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
