/** `@ogi/write-model/upgrade`: the schema migrations, then the data upgrades they queued. */
export { dropAndMigrate, migrate } from './upgrade.js';
