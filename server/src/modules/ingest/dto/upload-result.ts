import type { IngestResult } from '@ogi/write-model/ingest';
import type { UploadResult } from '@ogi/domain';

export type { UploadResult };

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
