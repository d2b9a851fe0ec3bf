/**
 * Regenerates test/rendered/: every hand-checked corpus report printed in the official layout (render.ts) as an
 * HTML page, then converted by LibreOffice into the files agencies attach — .doc (Word 97–2003), .docx and .pdf
 * (with a CJK font, so the PDF has a real text layer), by LibreOffice Calc into a spreadsheet (.xlsx), and by
 * Chromium (/usr/bin/chromium) into a printed PDF (.chromium.pdf). Chromium also prints each report with its zeros
 * left blank (.blank.chromium.pdf: a table of many blank cells, whose values only their position places), and
 * every corpus report published as an HTML page, as it is (.page.chromium.pdf). LibreOffice also makes each report
 * with its zeros left blank into a .doc, a .docx and a .pdf (.blank.doc, .blank.docx, .blank.pdf), and each report into a DOCX laid
 * out as WPS users type tables (rows three lines high, the 总计 on the top line: render.ts HtmlLayout) and that DOCX
 * into a PDF (.three-line.pdf; with its zeros left blank, .three-line.blank.pdf). Chromium prints each report as a crawler saved its page
 * (.crawled.chromium.pdf: the crawler's 标题/单位 lines and the site's banner above the report, the site's short name
 * after the title). Chromium also prints each report on other paper (`paper`): laid out as WPS users type tables on US
 * Letter with its default margins and page numbers at the top centre and the bottom right (.three-line.letter.chromium.pdf:
 * a row's 总计, its cell's top line, is all a page has room for at its very top, below the page number), with its zeros left blank and its headings repeated on every page on US Letter with
 * 1-inch margins (.blank.letter-1in.chromium.pdf: headings so narrow they break one character a line), and with its
 * headings repeated on A4 with 25 mm × 20 mm margins (.headed.a4.chromium.pdf); the corpus HTML page on A4 too
 * (.page.a4.chromium.pdf). The tests parse them back and expect the same tables.
 *
 *   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-wqy-microhei
 *   node --import tsx packages/parser/test/support/make-office-fixtures.ts [office] [chromium]
 *
 * With arguments, only the named kinds of file are made (`office`, `chromium`: the Chromium prints, `three-line`,
 * `crawled`, `paper`).
 *
 * The outputs are committed; LibreOffice is needed only to regenerate them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusCases, corpusFile } from './corpus.js';
import { officialBlocks, siteNameOf, toHtml, withZerosBlank } from './render.js';

const out = fileURLToPath(new URL('../rendered/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ogi-office-'));
const kinds = process.argv.slice(2);
const wanted = (kind: 'office' | 'chromium' | 'three-line' | 'crawled' | 'paper') => !kinds.length || kinds.includes(kind);
const writer = ['--headless', `-env:UserInstallation=file://${work}/profile`];

/** A web page printed to PDF by the browser, as agencies often attach it. */
function printWithChromium(htmlFile: string, pdfFile: string) {
  execFileSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(out, pdfFile)}`, `file://${htmlFile}`],
    { stdio: 'ignore' },
  );
}

try {
  for (const c of corpusCases().filter((x) => x.expected)) {
    const html = join(work, `${c.name}.html`);
    writeFileSync(html, toHtml(officialBlocks(c.expected!)));
    if (wanted('chromium')) {
      printWithChromium(html, `${c.name}.chromium.pdf`);
      const blank = join(work, `${c.name}.blank.html`);
      writeFileSync(blank, toHtml(officialBlocks(withZerosBlank(c.expected!))));
      printWithChromium(blank, `${c.name}.blank.chromium.pdf`);
      if (c.file.endsWith('.html')) printWithChromium(corpusFile(c.file), `${c.name}.page.chromium.pdf`);
    }
    if (wanted('crawled')) {
      const crawled = join(work, `${c.name}.crawled.html`);
      writeFileSync(crawled, toHtml(officialBlocks(c.expected!), 'utf-8', { crawledFrom: { siteName: siteNameOf(c.expected!.agency!) } }));
      printWithChromium(crawled, `${c.name}.crawled.chromium.pdf`);
    }
    if (wanted('paper')) {
      // The paper is the page's own @page rule, which Chromium prints on.
      for (const [variant, report, layout] of [
        [
          'three-line.letter',
          c.expected!,
          { threeLineRows: true, css: '@page { size: letter; @top-center { content: counter(page) } @bottom-right { content: counter(page) } }' },
        ],
        ['blank.letter-1in', withZerosBlank(c.expected!), { repeatHeaders: true, css: '@page { size: letter; margin: 1in }' }],
        ['headed.a4', c.expected!, { repeatHeaders: true, css: '@page { size: A4; margin: 25mm 20mm }' }],
      ] as const) {
        const page = join(work, `${c.name}.${variant}.html`);
        writeFileSync(page, toHtml(officialBlocks(report), 'utf-8', layout));
        printWithChromium(page, `${c.name}.${variant}.chromium.pdf`);
      }
      if (c.file.endsWith('.html')) {
        const page = join(work, `${c.name}.page.a4.html`);
        writeFileSync(page, readFileSync(corpusFile(c.file), 'utf8').replace(/<\/head>/i, '<style>@page { size: A4; margin: 20mm }</style></head>'));
        printWithChromium(page, `${c.name}.page.a4.chromium.pdf`);
      }
    }
    if (wanted('three-line')) {
      // As typed, and with its zeros left blank (.three-line.blank.pdf).
      for (const [variant, report] of [
        ['three-line', c.expected!],
        ['three-line.blank', withZerosBlank(c.expected!)],
      ] as const) {
        const page = join(work, `${c.name}.${variant}.html`);
        writeFileSync(page, toHtml(officialBlocks(report), 'utf-8', { threeLineRows: true }));
        execFileSync('soffice', [...writer, '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, page], {
          stdio: 'ignore',
        });
        execFileSync('soffice', [...writer, '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, join(work, `${c.name}.${variant}.docx`)], {
          stdio: 'ignore',
        });
        copyFileSync(join(work, `${c.name}.${variant}.pdf`), join(out, `${c.name}.${variant}.pdf`));
        // One report's page in that layout printed by Chromium as well.
        if (c.name === '001_huaian_shi_2024') printWithChromium(page, `${c.name}.${variant}.chromium.pdf`);
      }
    }
    if (!wanted('office')) continue;
    const filters = { doc: 'doc:MS Word 97', docx: 'docx:MS Word 2007 XML', pdf: 'pdf:writer_pdf_Export' } as const;
    for (const format of ['doc', 'docx', 'pdf'] as const) {
      const args = ['--headless', `-env:UserInstallation=file://${work}/profile`, '--infilter=HTML (StarWriter)'];
      execFileSync('soffice', [...args, '--convert-to', filters[format], '--outdir', work, html], { stdio: 'ignore' });
      copyFileSync(join(work, `${c.name}.${format}`), join(out, `${c.name}.${format}`));
    }
    // The same report with its zeros left blank, as Word files and a PDF: a table of many empty cells, whose
    // header LibreOffice draws with neighbouring cells' words in one piece ("商业企业 科研").
    const blankPage = join(work, `${c.name}.blank.html`);
    writeFileSync(blankPage, toHtml(officialBlocks(withZerosBlank(c.expected!))));
    for (const format of ['doc', 'docx', 'pdf'] as const) {
      const args = ['--headless', `-env:UserInstallation=file://${work}/profile`, '--infilter=HTML (StarWriter)'];
      execFileSync('soffice', [...args, '--convert-to', filters[format], '--outdir', work, blankPage], { stdio: 'ignore' });
      copyFileSync(join(work, `${c.name}.blank.${format}`), join(out, `${c.name}.blank.${format}`));
    }
    const calc = ['--headless', `-env:UserInstallation=file://${work}/profile`, '--infilter=HTML (StarCalc)'];
    execFileSync('soffice', [...calc, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, html], { stdio: 'ignore' });
    copyFileSync(join(work, `${c.name}.xlsx`), join(out, `${c.name}.xlsx`));
    console.log(`rendered ${c.name}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
