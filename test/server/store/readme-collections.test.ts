import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEXED_FIELDS } from '../../../server/ports/store.port';

describe('README deployment steps', () => {
  it('name every collection of the store port, and no other, for CloudBase', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const step = /5\. Create the collections `([^`]+)`/.exec(readme);
    expect(step).not.toBeNull();
    expect(step![1]!.split(/\s+/).filter(Boolean).sort()).toEqual(Object.keys(INDEXED_FIELDS).sort());
  });
});
