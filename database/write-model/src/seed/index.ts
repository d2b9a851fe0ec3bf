/** `@ogi/write-model/seed`: the agency registry and the sample reports imported into an empty database. */
export { seedSampleReports, seedWithOwnParser } from './seed.js';
