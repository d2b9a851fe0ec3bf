/** Test-only helpers (`@ogi/parser/testing`): mutations of real files for fuzzing, and hostile files. */
export * from './mutate.js';
export * from './hostile-files.js';
