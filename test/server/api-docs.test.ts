import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS } from '../../src/contracts';
import { runApiExamples } from '../../server/docs/api-examples';
import { renderApiDocs } from '../../server/docs/render-api-docs';

describe('docs/api.md', () => {
  it('has an executed, successful example for every action, and is up to date', async () => {
    const examples = await runApiExamples();
    for (const [fn, actions] of Object.entries(CONTRACTS)) {
      for (const action of Object.keys(actions ?? {})) {
        const ex = examples.find((e) => e.fn === fn && e.action === action);
        expect({ fn, action, ok: ex?.reply.ok }).toEqual({ fn, action, ok: true });
      }
    }
    const onDisk = readFileSync(join(__dirname, '../../docs/api.md'), 'utf8');
    // Stale docs: run `npm run docs:api` and commit the result.
    expect(onDisk).toBe(renderApiDocs(examples));
  });
});
