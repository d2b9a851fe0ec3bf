/**
 * Jest in ESM mode (see shared/docs/stack.md): ts-jest transpiles, `.js` specifiers map back to `.ts`.
 * `unit`: specs beside the code. `integration`: test/*.spec.ts boot the real app on a throwaway PostgreSQL.
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};

export default {
  // (A project's own testTimeout is not honoured by Jest 30 for projects: the integration tiers' bound lives here.)
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.spec.ts'] },
  ],
};
