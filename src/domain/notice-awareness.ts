/**
 * 知晓率 — the share of registered voters who have read a notice (RULES.md §6:
 * readers / registered voters), overall, per village group, and for migrants (category B,
 * 外出) apart from those living in the village, because migrants are the ones a wall poster
 * never reaches.
 *
 * Only registered voters count, on both sides of the fraction: a reader who is not (or no
 * longer) on the list is not a "voter who read", so the rate never exceeds 100 %.
 */
import type { VoterCategory } from './voter-todo';

export type AwarenessVoter = { readonly id: string; readonly group: string; readonly category: VoterCategory };

export type Rate = {
  readonly readers: number;
  readonly registered: number;
  /** readers / registered in [0, 1], rounded to 4 places; null when nobody is registered. */
  readonly rate: number | null;
};

export type GroupRate = Rate & { readonly group: string };

export type Awareness = {
  readonly overall: Rate;
  /** Village groups in the village's order, then any group only voters name, sorted. */
  readonly byGroup: readonly GroupRate[];
  /** Category B (户籍 here, living elsewhere). */
  readonly migrants: Rate;
  /** Categories A and C (living in the village). */
  readonly residents: Rate;
};

export function rateOf(readers: number, registered: number): Rate {
  return { readers, registered, rate: registered === 0 ? null : Math.round((readers / registered) * 10_000) / 10_000 };
}

/** "83.3%" — one decimal, for replies and the call list; "—" when nobody is registered. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/**
 * @param registeredVoters the election's registered voters (status registered)
 * @param readerIds voter ids with a read receipt for the notice
 * @param groups the village's groups, in display order
 */
export function computeAwareness(registeredVoters: readonly AwarenessVoter[], readerIds: ReadonlySet<string>, groups: readonly string[] = []): Awareness {
  const tally = new Map<string, { readers: number; registered: number }>();
  for (const g of groups) tally.set(g, { readers: 0, registered: 0 });
  let readers = 0;
  const migrants = { readers: 0, registered: 0 };
  const residents = { readers: 0, registered: 0 };
  for (const v of registeredVoters) {
    const read = readerIds.has(v.id) ? 1 : 0;
    readers += read;
    const g = tally.get(v.group) ?? { readers: 0, registered: 0 };
    g.readers += read;
    g.registered += 1;
    tally.set(v.group, g);
    const side = v.category === 'B' ? migrants : residents;
    side.readers += read;
    side.registered += 1;
  }
  const known = new Set(groups);
  const extra = [...tally.keys()].filter((g) => !known.has(g)).sort();
  return {
    overall: rateOf(readers, registeredVoters.length),
    byGroup: [...groups, ...extra].map((group) => {
      const t = tally.get(group) ?? { readers: 0, registered: 0 };
      return { group, ...rateOf(t.readers, t.registered) };
    }),
    migrants: rateOf(migrants.readers, migrants.registered),
    residents: rateOf(residents.readers, residents.registered),
  };
}
