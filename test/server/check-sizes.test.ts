/** The size rule's checker (scripts/check-sizes.ts): it measures files and functions, and the enforced tree holds. */
import { join } from 'node:path';
import { checkSizes, MAX_FILE_LINES, MAX_FUNCTION_LINES, measure } from '../../scripts/check-sizes';

const fn = (name: string, bodyLines: number) => `function ${name}() {\n${'  x();\n'.repeat(bodyLines)}}\n`;

describe('size rule', () => {
  it('reports a function longer than the limit, with its name and line', () => {
    const text = `${fn('short', MAX_FUNCTION_LINES - 2)}${fn('long', MAX_FUNCTION_LINES - 1)}`;
    const found = measure('a.ts', text);
    expect(found).toEqual([{ file: 'a.ts', kind: 'function', name: 'long', line: MAX_FUNCTION_LINES + 1, lines: MAX_FUNCTION_LINES + 1 }]);
  });

  it('reports an arrow function by the name it is bound to', () => {
    const text = `export const go = () => {\n${'  x();\n'.repeat(MAX_FUNCTION_LINES)}};\n`;
    expect(measure('b.ts', text).map((v) => v.name)).toEqual(['go']);
  });

  it('reports a file longer than the limit', () => {
    const found = measure('c.ts', 'x();\n'.repeat(MAX_FILE_LINES + 1));
    expect(found).toEqual([{ file: 'c.ts', kind: 'file', name: '', line: 1, lines: MAX_FILE_LINES + 1 }]);
  });

  it('passes the tree outside the report-only areas and the known list', () => {
    expect(checkSizes(join(__dirname, '../..')).enforced).toEqual([]);
  });
});
