/**
 * What the upload route accepts by name, before reading a byte: the document types the parser reads. The parser
 * still decides by the content (a .txt holding a PDF is read as the PDF); a name outside this list is refused at
 * once with UNSUPPORTED_FORMAT, so executables, archives or images are never stored or parsed.
 */
export const UPLOAD_EXTENSIONS = ['html', 'htm', 'shtml', 'xhtml', 'txt', 'text', 'md', 'markdown', 'pdf', 'docx', 'doc', 'wps', 'xlsx', 'xls'] as const;

/** Most files in one upload request (`POST /api/uploads`); the dashboard splits a larger drop into several batches. */
export const MAX_FILES_PER_UPLOAD = 100;

/** For a file input's `accept` attribute. */
export const UPLOAD_ACCEPT = UPLOAD_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Whether a file of that name may be uploaded. A name without an extension is left to the content. */
export function isUploadableFileName(fileName: string): boolean {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return true;
  return (UPLOAD_EXTENSIONS as readonly string[]).includes(base.slice(dot + 1).toLowerCase());
}

/**
 * A file name as it is stored and shown: the last path segment, without control characters, at most 200
 * characters (keeping the extension). Never empty.
 */
export function cleanUploadFileName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const printable = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!printable) return 'unnamed';
  const chars = [...printable];
  if (chars.length <= 200) return printable;
  const dot = printable.lastIndexOf('.');
  const ext = dot > 0 && printable.length - dot <= 10 ? printable.slice(dot) : '';
  return chars.slice(0, 200 - [...ext].length).join('') + ext;
}

/**
 * One file's line in the answer of `POST /api/uploads` (the server writes it, the dashboard reads it); ids are
 * strings as in GraphQL.
 */
export interface UploadResult {
  fileName: string;
  status: 'stored' | 'duplicate' | 'failed';
  reportId?: string;
  agencyId?: string;
  agencyName?: string;
  year?: number;
  version?: number;
  error?: { code: string; message: string };
}
