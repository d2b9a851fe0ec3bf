import type { IngestResult } from '@ogi/database';

/** One line of the upload route's answer. */
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

export function toUploadResult(r: IngestResult): UploadResult {
  if (r.status === 'failed') return { fileName: r.fileName, status: r.status, error: r.error };
  return {
    fileName: r.fileName,
    status: r.status,
    reportId: String(r.reportId),
    agencyId: String(r.agencyId),
    agencyName: r.agencyName,
    year: r.year,
    version: r.version,
  };
}
