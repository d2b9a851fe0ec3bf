/**
 * Regenerates test/rendered/: every hand-checked corpus report printed in the official layout (render.ts) as an
 * HTML page, then converted by LibreOffice into the files agencies attach — .doc (Word 97–2003), .docx and .pdf
 * (with a CJK font, so the PDF has a real text layer), by LibreOffice Calc into a spreadsheet (.xlsx), and by
 * Chromium (/usr/bin/chromium) into a printed PDF (.chromium.pdf). The tests parse them back and expect the same
 * tables.
 *
 *   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-wqy-microhei
 *   node --import tsx packages/parser/test/support/make-office-fixtures.ts
 *
 * The outputs are committed; LibreOffice is needed only to regenerate them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusCases } from './corpus.js';
import { officialBlocks, toHtml } from './render.js';

const out = fileURLToPath(new URL('../rendered/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ogi-office-'));
try {
  for (const c of corpusCases().filter((x) => x.expected)) {
    const html = join(work, `${c.name}.html`);
    writeFileSync(html, toHtml(officialBlocks(c.expected!)));
    const filters = { doc: 'doc:MS Word 97', docx: 'docx:MS Word 2007 XML', pdf: 'pdf:writer_pdf_Export' } as const;
    for (const format of ['doc', 'docx', 'pdf'] as const) {
      const args = ['--headless', `-env:UserInstallation=file://${work}/profile`, '--infilter=HTML (StarWriter)'];
      execFileSync('soffice', [...args, '--convert-to', filters[format], '--outdir', work, html], { stdio: 'ignore' });
      copyFileSync(join(work, `${c.name}.${format}`), join(out, `${c.name}.${format}`));
    }
    // A web page printed to PDF by the browser, as agencies often attach it.
    execFileSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(out, `${c.name}.chromium.pdf`)}`, `file://${html}`],
      {
        stdio: 'ignore',
      },
    );
    const calc = ['--headless', `-env:UserInstallation=file://${work}/profile`, '--infilter=HTML (StarCalc)'];
    execFileSync('soffice', [...calc, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, html], { stdio: 'ignore' });
    copyFileSync(join(work, `${c.name}.xlsx`), join(out, `${c.name}.xlsx`));
    console.log(`rendered ${c.name}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
