/**
 * The first `count` items in `compare` order, offered one at a time (a whole-roll pass by
 * cursor), without sorting the rest: a bounded max-heap, O(n log count) instead of O(n log n),
 * holding O(count) items — a roll page of 50 out of a 100,000-entry 社区 roll had sorted and held
 * every entry (issue 12's scale figures). `compare` must be a total order (ties broken by an id)
 * for pages to be stable.
 */
export function firstSortedOf<T>(count: number, compare: (a: T, b: T) => number): { offer(x: T): void; result(): T[] } {
  // heap[0] is the largest of the smallest `count` seen so far.
  const heap: T[] = [];
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(heap[i]!, heap[p]!) <= 0) return;
      swap(i, p);
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let big = i;
      if (l < heap.length && compare(heap[l]!, heap[big]!) > 0) big = l;
      if (r < heap.length && compare(heap[r]!, heap[big]!) > 0) big = r;
      if (big === i) return;
      swap(i, big);
      i = big;
    }
  };
  return {
    offer(x) {
      if (count <= 0) return;
      if (heap.length < count) {
        heap.push(x);
        up(heap.length - 1);
      } else if (compare(x, heap[0]!) < 0) {
        heap[0] = x;
        down(0);
      }
    },
    result: () => heap.slice().sort(compare),
  };
}
