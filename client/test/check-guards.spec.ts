// @vitest-environment node
/**
 * `pnpm check` is what keeps the layers apart and the `.vue` files typed; these tests plant the mistakes it must
 * catch and see it refuse them. They run the real tools (ESLint with the workspace's config, vue-tsc) on planted
 * input, so a rule that silently stops applying fails here.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const clientRoot = resolve(__dirname, '..');
const repoRoot = resolve(clientRoot, '..');
const run = promisify(execFile);

describe('the lint step of pnpm check', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  /** The rule ids ESLint reports for `code` as if it were the file at `path` (relative to the repository). */
  const problems = async (path: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(repoRoot, path) });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  };

  it('refuses a shared component that imports a page', async () => {
    const found = await problems(
      'client/src/components/Planted.ts',
      "import { cellDomId } from '../views/report/ReportView.vue';\nexport const x = cellDomId;\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-imports: .*Shared client code never imports a page/);
    // The first lint reads the page's whole import tree, components included, for the cycle rule.
  }, 60_000);

  it('refuses a page that uses another page as a library, and allows shared folders', async () => {
    const crossing = await problems('client/src/views/agency/Planted.ts', "import { x } from '../compare/compare.model';\nexport const y = x;\n");
    expect(crossing.join('\n')).toMatch(/A page imports another page only through a shared module/);
    const shared = await problems(
      'client/src/views/agency/Planted.ts',
      "import { x } from '../../metrics/metric-format';\nimport { y } from './agency.model';\nexport const z = [x, y];\n",
    );
    expect(shared).toEqual([]);
  });

  it("refuses the server's common layer importing a feature module", async () => {
    const found = await problems(
      'server/src/common/Planted.ts',
      "import { UsersService } from '../modules/accounts/users.service.js';\nexport const x = UsersService;\n",
    );
    expect(found.join('\n')).toMatch(/common and config are below the feature modules/);
  });

  it('refuses an import cycle', async () => {
    // composables/use-i18n.ts imports metrics/metric-format.ts for its values; importing it back closes a loop.
    const found = await problems('client/src/metrics/metric-format.ts', "import { useI18n } from '../composables/use-i18n';\nexport const x = useI18n;\n");
    expect(found.join('\n')).toMatch(/import-x\/no-cycle: Dependency cycle detected/);
    const typeOnly = await problems(
      'client/src/metrics/metric-format.ts',
      "import type { Bilingual } from '../composables/use-i18n';\nexport type X = Bilingual;\n",
    );
    expect(typeOnly).toEqual([]);
  }, 60_000);

  it('refuses an import cycle that runs through .vue files', async () => {
    // components/MetricPicker.vue imports composables/use-popover.ts and components/MetricInfo.vue.
    const throughComponent = await problems(
      'client/src/composables/use-popover.ts',
      "import MetricPicker from '../components/MetricPicker.vue';\nexport const x = MetricPicker;\n",
    );
    expect(throughComponent.join('\n')).toMatch(/import-x\/no-cycle: Dependency cycle detected/);
    const betweenComponents = await problems(
      'client/src/components/MetricInfo.vue',
      '<script setup lang="ts">\nimport MetricPicker from \'./MetricPicker.vue\';\nconst shown = MetricPicker;\n</script>\n<template><p>{{ shown }}</p></template>\n',
    );
    expect(betweenComponents.join('\n')).toMatch(/import-x\/no-cycle: Dependency cycle detected/);
  }, 60_000);

  it('refuses the domain package importing another workspace package', async () => {
    const found = await problems('packages/domain/src/Planted.ts', "import { parseReport } from '@ogi/parser';\nexport const x = parseReport;\n");
    expect(found.join('\n')).toMatch(/packages\/domain is the bottom layer/);
  });
});

describe('the type-check step of pnpm check', () => {
  let dir = '';
  beforeAll(async () => {
    // Inside the client, so the planted component sees the same types and settings as the real ones.
    dir = await mkdtemp(join(clientRoot, 'src', '.planted-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fails on a type error inside a .vue file', async () => {
    await writeFile(
      join(dir, 'Planted.vue'),
      '<script setup lang="ts">\nconst count: number = \'three\';\n</script>\n<template><p>{{ count }}</p></template>\n',
    );
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: relative(dir, join(clientRoot, 'tsconfig.json')), include: ['./*.vue', relative(dir, join(clientRoot, 'src', 'env.d.ts'))] }),
    );
    const outcome = await run(join(clientRoot, 'node_modules', '.bin', 'vue-tsc'), ['--noEmit', '-p', join(dir, 'tsconfig.json')], { cwd: clientRoot }).then(
      () => ({ failed: false, output: '' }),
      (e: { stdout?: string }) => ({ failed: true, output: e.stdout ?? '' }),
    );
    expect(outcome.failed).toBe(true);
    expect(outcome.output).toMatch(/Planted\.vue\(2,7\): error TS2322: Type 'string' is not assignable to type 'number'/);
  }, 60_000);
});

describe('the codegen step of pnpm check', () => {
  // The real GraphQL Code Generator CLI with the client's own configuration (codegen.ts), pointed at planted
  // documents and a planted output folder instead of src/graphql, exactly as `pnpm check` runs it (`--check`).
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(clientRoot, '.planted-codegen-'));
    await writeFile(
      join(dir, 'codegen.ts'),
      [
        `import config, { GENERATED_DIR } from '${join(clientRoot, 'codegen.ts')}';`,
        `export default { ...config, documents: ['${join(dir, '*.graphql')}'], generates: { '${join(dir, 'generated')}/': config.generates[GENERATED_DIR] } };`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // Without vitest's NODE_ENV=test, which silences the tool's report of what it refused.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'));
  const codegen = (...args: string[]) =>
    run(join(clientRoot, 'node_modules', '.bin', 'graphql-codegen'), ['--config', join(dir, 'codegen.ts'), ...args], { cwd: clientRoot, env }).then(
      () => ({ failed: false, output: '' }),
      (e: { stdout?: string; stderr?: string }) => ({ failed: true, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
    );
  const plant = (document: string) => writeFile(join(dir, 'planted.query.graphql'), document);

  it('refuses a document asking for a field, an argument or an enum value the schema lacks', async () => {
    await plant('query Planted {\n  reports(take: 1) {\n    items {\n      id\n      publishedAt\n    }\n  }\n}\n');
    const field = await codegen('--check');
    expect(field.failed).toBe(true);
    expect(field.output).toMatch(/Cannot query field "publishedAt" on type "Report"/);

    await plant('query Planted {\n  reports(take: 1, orderBy: "year") {\n    total\n  }\n}\n');
    const argument = await codegen('--check');
    expect(argument.failed).toBe(true);
    expect(argument.output).toMatch(/Unknown argument "orderBy" on field "Query.reports"/);

    await plant('query Planted {\n  findings(severities: [fatal]) {\n    total\n  }\n}\n');
    const enumValue = await codegen('--check');
    expect(enumValue.failed).toBe(true);
    expect(enumValue.output).toMatch(/Value "fatal" does not exist in "Severity" enum/);
  }, 120_000);

  it('passes generated types that match their documents, and refuses them once a document has changed', async () => {
    await plant('query Planted {\n  reports(take: 1) {\n    items {\n      id\n      year\n    }\n  }\n}\n');
    expect(await codegen()).toEqual({ failed: false, output: '' });
    expect(await codegen('--check')).toEqual({ failed: false, output: '' });

    await plant('query Planted {\n  reports(take: 1) {\n    items {\n      id\n      year\n      template\n    }\n  }\n}\n');
    const stale = await codegen('--check');
    expect(stale.failed).toBe(true);
    expect(stale.output).toMatch(/stale files were detected[\s\S]*generated\/graphql\.ts/);
  }, 120_000);
});
