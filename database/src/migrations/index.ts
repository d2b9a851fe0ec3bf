import { InitialSchema1795900000000 } from './1795900000000-initial-schema.js';

/** Every migration, oldest first. A merged migration is never edited: add a new one. */
export const MIGRATIONS = [InitialSchema1795900000000];
