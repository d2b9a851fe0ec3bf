// Worker entry used when the parser runs from its TypeScript source (tsx): registers tsx's loader in this
// worker thread, which does not inherit it from the main thread, then loads the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
