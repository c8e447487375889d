/**
 * 提名计票 — counting ballots per post and nominee (RULES.md §3). One pass over the ballots, so
 * the committee's live count and a full recount from the audit log are the same function.
 * Invalid ballots (a paper form the committee ruled invalid) are counted as invalid and add no votes.
 */
import type { BallotNames } from './nomination-ballot';
import type { Post } from './presets/types';

export interface CountedBallot {
  readonly names: BallotNames;
  readonly valid: boolean;
}

export interface BallotTally {
  readonly ballots: number;
  readonly valid: number;
  readonly invalid: number;
  /** post → nominee voter id → votes. */
  readonly votes: ReadonlyMap<Post, ReadonlyMap<string, number>>;
}

export function tallyBallots(ballots: Iterable<CountedBallot>): BallotTally {
  const votes = new Map<Post, Map<string, number>>();
  let total = 0;
  let valid = 0;
  for (const b of ballots) {
    total += 1;
    if (!b.valid) continue;
    valid += 1;
    for (const [post, ids] of Object.entries(b.names) as Array<[Post, readonly string[] | undefined]>) {
      if (!ids) continue;
      let perPost = votes.get(post);
      if (!perPost) votes.set(post, (perPost = new Map()));
      for (const id of ids) perPost.set(id, (perPost.get(id) ?? 0) + 1);
    }
  }
  return { ballots: total, valid, invalid: total - valid, votes };
}

/** Equal tallies: the live count against a recount (the committee's check). */
export function sameTally(a: BallotTally, b: BallotTally): boolean {
  if (a.ballots !== b.ballots || a.valid !== b.valid || a.invalid !== b.invalid || a.votes.size !== b.votes.size) return false;
  for (const [post, perPost] of a.votes) {
    const other = b.votes.get(post);
    if (!other || other.size !== perPost.size) return false;
    for (const [id, n] of perPost) if (other.get(id) !== n) return false;
  }
  return true;
}
