import { readFileSync, writeFileSync } from 'node:fs';
import { apiSchemaSource, SCHEMA_FILE } from './api-schema';

// `npm run web:api-types`: regenerates the web app's typed API schema from the API's code.
// With --check it only says whether the committed file is up to date (exit 1 when stale).
const check = process.argv.includes('--check');

apiSchemaSource().then(
  (source) => {
    if (check) {
      const upToDate = readFileSync(SCHEMA_FILE, 'utf8') === source;
      console.log(upToDate ? 'api schema up to date' : 'api schema stale: run `npm run web:api-types`');
      process.exit(upToDate ? 0 : 1);
    }
    writeFileSync(SCHEMA_FILE, source);
    console.log(`wrote ${SCHEMA_FILE}`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
