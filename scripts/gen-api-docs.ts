/** `npm run docs:api` — regenerate docs/api.md from contracts and executed examples. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runApiExamples } from '../server/docs/api-examples';
import { renderApiDocs } from '../server/docs/render-api-docs';

runApiExamples()
  .then((examples) => {
    writeFileSync(join(__dirname, '..', 'docs', 'api.md'), renderApiDocs(examples));
    console.log(`docs/api.md: ${examples.length} executed examples`);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
