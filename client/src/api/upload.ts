/**
 * `POST /api/uploads` with the files dropped together, with upload progress (XHR: fetch cannot report upload
 * progress). The server records them as one import batch (its id in the `X-Ingest-Batch` header, read with
 * GraphQL `ingestBatch(id)`) and answers one result per file, in the order sent:
 * `{ fileName, status: stored | duplicate | failed, reportId?, error? }`.
 * Like every state-changing request it carries the session's CSRF token.
 */
import type { UploadResult } from '@ogi/domain';
import { csrfHeaders, sessionHooks } from '../graphql/client';

export type { UploadResult };

export const UPLOAD_URL = '/api/uploads';

/** Why an upload failed when the server could not say it per file (network, HTTP errors, a cancelled upload). */
export class UploadError extends Error {
  constructor(
    readonly code: 'NETWORK' | 'HTTP' | 'BAD_RESPONSE' | 'CANCELLED',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The server's answer to one upload request: the import batch it was recorded as, and each file's result. */
export interface UploadAnswer {
  /** The `X-Ingest-Batch` header; null when the server recorded no batch (e.g. the database was unreachable). */
  batchId: string | null;
  results: UploadResult[];
}

/** The response header naming the import batch (the server's BATCH_HEADER). */
export const BATCH_HEADER = 'x-ingest-batch';

export type UploadFn = (files: readonly File[], onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<UploadAnswer>;

export const uploadFiles: UploadFn = (files, onProgress, signal) =>
  new Promise<UploadAnswer>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_URL);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && Array.isArray(body) && body.length === files.length && body.every((r) => !!r && typeof r === 'object')) {
        resolve({ batchId: xhr.getResponseHeader(BATCH_HEADER) || null, results: body as UploadResult[] });
        return;
      }
      // REST errors are `{ error: { code, message } }`.
      const error = body && typeof body === 'object' && 'error' in body ? (body as { error: { code?: unknown; message?: unknown } }).error : null;
      if (error?.code === 'NOT_SIGNED_IN' || error?.code === 'SESSION_EXPIRED') sessionHooks.onSessionEnded();
      const message = typeof error?.message === 'string' ? error.message : `HTTP ${xhr.status}`;
      reject(new UploadError(xhr.status >= 400 ? 'HTTP' : 'BAD_RESPONSE', message, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'network error'));
    xhr.onabort = () => reject(new UploadError('CANCELLED', 'cancelled'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    xhr.send(form);
  });
