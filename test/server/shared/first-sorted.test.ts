import { firstSortedOf } from '../../../server/use-cases/shared/first-sorted';
import { seededRandom } from '../../../server/security/keyed-hash';

type Row = { key: number; id: string };

/** Every row offered in turn, as a paging pass offers them. */
function firstSorted(rows: readonly Row[], count: number, compare: (a: Row, b: Row) => number): Row[] {
  const first = firstSortedOf(count, compare);
  for (const r of rows) first.offer(r);
  return first.result();
}
const byKeyThenId = (a: Row, b: Row) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('firstSortedOf', () => {
  it('equals the head of a full sort for every count, with many ties, on random lists', () => {
    const rng = seededRandom(7);
    for (const n of [0, 1, 2, 5, 50, 401, 2000]) {
      const rows: Row[] = Array.from({ length: n }, (_, i) => ({ key: rng.int(20), id: `v${String(rng.int(1e6)).padStart(6, '0')}-${i}` }));
      const sorted = [...rows].sort(byKeyThenId);
      for (const count of [0, 1, 3, 10, 50, 99, 100, 101, 499, 500, n - 1, n, n + 5]) {
        expect(firstSorted(rows, count, byKeyThenId)).toEqual(sorted.slice(0, Math.max(0, count)));
      }
    }
  });

  it('leaves the input untouched and compares far fewer times than a sort for one page of a long list', () => {
    const rng = seededRandom(11);
    const rows: Row[] = Array.from({ length: 100_000 }, (_, i) => ({ key: rng.int(1e9), id: `v${i}` }));
    const before = rows.slice();
    let calls = 0;
    const counted = (a: Row, b: Row) => (calls++, byKeyThenId(a, b));
    const page = firstSorted(rows, 50, counted);
    expect(rows).toEqual(before);
    expect(page).toEqual([...rows].sort(byKeyThenId).slice(0, 50));
    // A full sort makes ≈ n log2 n ≈ 1.6 million comparisons; one pass with a small heap ≈ n.
    expect(calls).toBeLessThan(200_000);
  });
});
