/**
 * A lazily imported chunk that can be asked for again after it failed to load (a dropped connection, a server
 * restarting during a deployment). A success is kept for the page's life; a failure is forgotten, so the next
 * call — the user's "retry" — fetches again instead of repeating the old error.
 */
export function retryingImport<T>(importer: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= importer().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}
