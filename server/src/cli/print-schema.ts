/** Writes server/schema.gql (run by the server build). A unit test fails when the committed file is stale. */
import { writeFile } from 'node:fs/promises';
import { SCHEMA_FILE, buildSchemaText } from '../graphql-schema.js';

await writeFile(SCHEMA_FILE, await buildSchemaText());
process.stderr.write(`Wrote ${SCHEMA_FILE}\n`);
