/**
 * The layering is one-way — server → write-model → database → packages — and `pnpm lint` is what holds it. These
 * tests plant the forbidden imports and see the workspace's real ESLint config refuse them, so a rule that
 * silently stops applying fails here.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const eslint = new ESLint({ cwd: repoRoot });
/** Loading the workspace's lint config takes seconds on a busy machine. */
const LINT_TIMEOUT_MS = 120_000;

/** What ESLint reports for `code` as if it were the file at `path` (relative to the repository). */
async function problems(path: string, code: string): Promise<string> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, path) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n');
}

describe('the import boundaries of the write model', () => {
  it(
    'refuses the database package importing the write model',
    async () => {
      const found = await problems('database/src/planted.ts', "import { correctCell } from '@ogi/write-model/corrections';\nexport const x = correctCell;\n");
      expect(found).toMatch(/no-restricted-imports: .*database sits below the write model/);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'refuses the write model importing the server',
    async () => {
      const found = await problems('database/write-model/src/planted.ts', "import { x } from '@ogi/server';\nexport const y = x;\n");
      expect(found).toMatch(/The write model sits below the server/);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'refuses a package importing the write model or the database',
    async () => {
      expect(
        await problems('packages/parser/src/planted.ts', "import { ReportIngestor } from '@ogi/write-model/ingest';\nexport const x = ReportIngestor;\n"),
      ).toMatch(/Packages import only other packages/);
      expect(await problems('packages/charts/src/planted.ts', "import { MIGRATIONS } from '@ogi/database';\nexport const x = MIGRATIONS;\n")).toMatch(
        /Packages import only other packages/,
      );
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'allows the write model to import the database and the server to import both',
    async () => {
      expect(await problems('database/write-model/src/planted.ts', "import { appendAudit } from '@ogi/database';\nexport const x = appendAudit;\n")).toBe('');
      expect(
        await problems(
          'server/src/modules/planted.ts',
          "import { appendAudit } from '@ogi/database';\nimport { correctCell } from '@ogi/write-model/corrections';\nexport const x = [appendAudit, correctCell];\n",
        ),
      ).toBe('');
    },
    LINT_TIMEOUT_MS,
  );
});
