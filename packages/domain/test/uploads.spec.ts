import { UPLOAD_ACCEPT, cleanUploadFileName, isUploadableFileName } from '../src/uploads.js';

describe('what may be uploaded', () => {
  it('accepts the document types the parser reads, in any case, and names without an extension', () => {
    for (const ok of ['年报.html', 'a.HTM', 'r.txt', 'r.md', '2024年报.PDF', 'r.docx', 'r.doc', 'r.wps', 'no-extension', '.hidden'])
      expect(isUploadableFileName(ok)).toBe(true);
  });

  it('accepts spreadsheets: .xlsx is read, .xls reaches the parser so the clerk is told how to convert it', () => {
    for (const ok of ['年报表格.xlsx', 'R.XLSX', '旧表格.xls']) expect(isUploadableFileName(ok)).toBe(true);
    expect(UPLOAD_ACCEPT).toContain('.xlsx');
  });

  it('refuses executables, scripts, archives and images by name', () => {
    for (const bad of ['setup.exe', 'x.js', 'x.svg', 'x.zip', 'x.png', 'report.pdf.exe', 'a/b/c.bat']) expect(isUploadableFileName(bad)).toBe(false);
    expect(UPLOAD_ACCEPT).toContain('.pdf');
    expect(UPLOAD_ACCEPT).not.toContain('.exe');
  });
});

describe('file names as stored and shown', () => {
  it('keep the last path segment only', () => {
    expect(cleanUploadFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanUploadFileName('C:\\Users\\clerk\\年报.pdf')).toBe('年报.pdf');
  });

  it('lose control and text-direction characters, never become empty, and stay short with their extension', () => {
    expect(cleanUploadFileName('a\u0000b\u202Etxt.exe\n.pdf')).toBe('abtxt.exe.pdf');
    expect(cleanUploadFileName('\u0007')).toBe('unnamed');
    const long = cleanUploadFileName(`${'长'.repeat(300)}.docx`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('keep markup characters as they are: escaping is the job of whoever shows them', () => {
    expect(cleanUploadFileName('<svg onload=alert(1)>.txt')).toBe('<svg onload=alert(1)>.txt');
  });
});
