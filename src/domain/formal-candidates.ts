/**
 * 确定正式候选人 — from nomination counts to the formal candidate list (RULES.md §3).
 *
 * - Initial candidates (初步候选人) of a post: nominees with at least the preset's joint-nomination
 *   minimum of ballots for that post (1 = individual nomination, 10 = 联名 of ten voters).
 * - Posts are filled from the highest (主任 → 副主任 → 委员); a person already a formal candidate
 *   for a higher post is not counted again for a lower one, so nobody stands twice.
 * - Formal candidates of a post: seats + the planned margin (差额), the margin within the preset's
 *   [min, max] (default: max), by nomination votes. Fewer initial candidates than seats + min is a
 *   shortfall: the list cannot be published until more are nominated.
 * - A tie at the cut line is never broken here: the post stays `tie` (publication refused) until
 *   the committee records a resolution (预选 or a draw by its rule) naming exactly the open slots
 *   among the tied — or all of them when that still fits seats + max.
 * - 妇女候选人: if no woman is among the formal candidates, the woman with most votes among the
 *   委员 initial candidates (any post when none stands for 委员) is added as a 委员 candidate; a tie
 *   between women for that place is resolved by the committee as above.
 * - Withdrawn (退出) or disqualified people are passed in `excluded`: the next by votes fills the slot.
 * - Order of the published list: 姓氏笔画 or by votes, per preset.
 * Linear in the number of nominees (one sort per post).
 */
import { POST_LABELS, POST_ORDER } from './nomination-ballot';
import type { Post, RuleSet } from './presets/types';
import { sortByStroke } from './stroke-order';

export interface NomineeVotes {
  readonly voterId: string;
  readonly name: string;
  readonly sex: 'M' | 'F';
  readonly votes: number;
}

export interface PostCounts {
  readonly post: Post;
  readonly seats: number;
  /** Planned 差额 for this post; clamped to the preset's range, default its max. */
  readonly margin?: number;
  readonly nominees: readonly NomineeVotes[];
}

export interface TieResolution {
  /** A post, or 'woman' for the place of the 妇女候选人. */
  readonly post: Post | 'woman';
  readonly chosen: readonly string[];
  readonly method: 'preElection' | 'draw';
  /** Where it was decided (meeting record), for the audit log and the report. */
  readonly record: string;
}

export type CandidateVia = 'votes' | 'tieResolution' | 'womanRule';

export interface FormalCandidate extends NomineeVotes {
  readonly via: CandidateVia;
}

export type PostStatus = 'ok' | 'tie' | 'shortfall';

export interface PostSelection {
  readonly post: Post;
  readonly seats: number;
  readonly target: number;
  readonly initialCount: number;
  readonly status: PostStatus;
  readonly candidates: readonly FormalCandidate[];
  readonly tie?: { readonly slots: number; readonly votes: number; readonly tied: readonly string[] };
}

/** `pending` while a post is still tied or short: the woman rule looks at the final list. */
export type WomanStatus = 'present' | 'added' | 'tie' | 'noneNominated' | 'pending';

export interface SelectionProblem {
  readonly reason: 'TIE_AT_CUT' | 'SHORTFALL' | 'WOMAN_TIE';
  readonly post: Post | 'woman';
  readonly message: string;
}

export interface FormalSelection {
  readonly posts: readonly PostSelection[];
  readonly woman: { readonly status: WomanStatus; readonly added?: string; readonly tied?: readonly string[] };
  readonly publishable: boolean;
  readonly problems: readonly SelectionProblem[];
}

export interface SelectionInput {
  readonly posts: readonly PostCounts[];
  readonly excluded?: ReadonlySet<string>;
  readonly resolutions?: readonly TieResolution[];
  readonly rules: RuleSet;
}

const byVotes = (a: NomineeVotes, b: NomineeVotes): number => b.votes - a.votes || (a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : 0);

export function plannedTarget(post: Post, seats: number, margin: number | undefined, rules: RuleSet): { target: number; min: number; max: number } {
  const range = rules.candidates.margins[post];
  const m = Math.min(range.max, Math.max(range.min, margin ?? range.max));
  return { target: seats + m, min: seats + range.min, max: seats + range.max };
}

/** A resolution applies when it names only tied people, exactly the open slots or all tied within max. */
function applicableResolution(res: TieResolution | undefined, tied: readonly NomineeVotes[], slots: number, roomForAll: boolean): string[] | null {
  if (!res) return null;
  const ids = new Set(tied.map((t) => t.voterId));
  const chosen = [...new Set(res.chosen)];
  if (!chosen.every((id) => ids.has(id))) return null;
  if (chosen.length === slots || (roomForAll && chosen.length === tied.length)) return chosen;
  return null;
}

function selectPost(counts: PostCounts, taken: ReadonlySet<string>, excluded: ReadonlySet<string>, resolution: TieResolution | undefined, rules: RuleSet): PostSelection {
  const { target, min, max } = plannedTarget(counts.post, counts.seats, counts.margin, rules);
  const initial = counts.nominees.filter((n) => n.votes >= rules.nomination.jointMinimum);
  const pool = initial.filter((n) => !excluded.has(n.voterId) && !taken.has(n.voterId)).sort(byVotes);
  const base = { post: counts.post, seats: counts.seats, target, initialCount: initial.length };
  const asVotes = (list: readonly NomineeVotes[]): FormalCandidate[] => list.map((n) => ({ ...n, via: 'votes' as const }));
  if (pool.length <= target) return { ...base, status: pool.length < min ? 'shortfall' : 'ok', candidates: asVotes(pool) };
  const cutVotes = pool[target - 1]!.votes;
  const above = pool.filter((n) => n.votes > cutVotes);
  const tied = pool.filter((n) => n.votes === cutVotes);
  const slots = target - above.length;
  if (tied.length === slots) return { ...base, status: 'ok', candidates: asVotes([...above, ...tied]) };
  const chosen = applicableResolution(resolution, tied, slots, above.length + tied.length <= max);
  if (chosen) {
    const picked = tied.filter((n) => chosen.includes(n.voterId)).map((n) => ({ ...n, via: 'tieResolution' as const }));
    return { ...base, status: 'ok', candidates: [...asVotes(above), ...picked] };
  }
  return { ...base, status: 'tie', candidates: asVotes(above), tie: { slots, votes: cutVotes, tied: tied.map((n) => n.voterId) } };
}

function womanPool(posts: readonly PostCounts[], chosen: ReadonlySet<string>, excluded: ReadonlySet<string>, rules: RuleSet): NomineeVotes[] {
  const eligible = (p: PostCounts) => p.nominees.filter((n) => n.sex === 'F' && n.votes >= rules.nomination.jointMinimum && !excluded.has(n.voterId) && !chosen.has(n.voterId));
  const member = posts.find((p) => p.post === 'member');
  const fromMember = member ? eligible(member) : [];
  if (fromMember.length > 0) return fromMember.sort(byVotes);
  // Best post of each woman nominated only for higher posts.
  const best = new Map<string, NomineeVotes>();
  for (const p of posts) for (const n of eligible(p)) if ((best.get(n.voterId)?.votes ?? -1) < n.votes) best.set(n.voterId, n);
  return [...best.values()].sort(byVotes);
}

function applyWomanRule(
  posts: PostSelection[],
  input: SelectionInput,
  excluded: ReadonlySet<string>,
): { woman: FormalSelection['woman']; problem?: SelectionProblem } {
  const chosen = new Set(posts.flatMap((p) => p.candidates.map((c) => c.voterId)));
  if (posts.some((p) => p.candidates.some((c) => c.sex === 'F'))) return { woman: { status: 'present' } };
  const pool = womanPool(input.posts, chosen, excluded, input.rules);
  if (pool.length === 0) return { woman: { status: 'noneNominated' } };
  const top = pool.filter((n) => n.votes === pool[0]!.votes);
  let pick: NomineeVotes | undefined = top.length === 1 ? top[0] : undefined;
  if (!pick) {
    const res = (input.resolutions ?? []).find((r) => r.post === 'woman');
    const ids = applicableResolution(res, top, 1, false);
    pick = ids ? top.find((n) => n.voterId === ids[0]) : undefined;
  }
  if (!pick) {
    const tied = top.map((n) => n.voterId);
    return { woman: { status: 'tie', tied }, problem: { reason: 'WOMAN_TIE', post: 'woman', message: `得票最多的妇女被提名人有${tied.length}人票数相同，请选举委员会决定由谁作为妇女候选人` } };
  }
  const idx = posts.findIndex((p) => p.post === 'member');
  if (idx >= 0) posts[idx] = { ...posts[idx]!, candidates: [...posts[idx]!.candidates, { ...pick, via: 'womanRule' }] };
  return { woman: { status: 'added', added: pick.voterId } };
}

function orderCandidates(list: readonly FormalCandidate[], rules: RuleSet): FormalCandidate[] {
  return rules.candidates.order === 'stroke' ? sortByStroke(list, (c) => c.name) : [...list].sort(byVotes);
}

export function selectFormalCandidates(input: SelectionInput): FormalSelection {
  const excluded = input.excluded ?? new Set<string>();
  const taken = new Set<string>();
  const byPost = new Map(input.posts.map((p) => [p.post, p]));
  const posts: PostSelection[] = [];
  for (const post of POST_ORDER) {
    const counts = byPost.get(post);
    if (!counts) continue;
    const resolution = (input.resolutions ?? []).find((r) => r.post === post);
    const sel = selectPost(counts, taken, excluded, resolution, input.rules);
    for (const c of sel.candidates) taken.add(c.voterId);
    posts.push(sel);
  }
  const problems: SelectionProblem[] = [];
  for (const p of posts) {
    const label = POST_LABELS[p.post];
    if (p.status === 'tie') problems.push({ reason: 'TIE_AT_CUT', post: p.post, message: `${label}第${p.target}名有${p.tie!.tied.length}人票数相同（各${p.tie!.votes}票），还有${p.tie!.slots}个名额，请选举委员会通过预选或抽签决定` });
    if (p.status === 'shortfall') problems.push({ reason: 'SHORTFALL', post: p.post, message: `${label}的初步候选人只有${p.candidates.length}人，少于差额要求的${p.seats + input.rules.candidates.margins[p.post].min}人，需要重新提名` });
  }
  const { woman, problem } = posts.every((p) => p.status === 'ok') ? applyWomanRule(posts, input, excluded) : { woman: { status: 'pending' as WomanStatus }, problem: undefined };
  if (problem) problems.push(problem);
  const ordered = posts.map((p) => ({ ...p, candidates: orderCandidates(p.candidates, input.rules) }));
  return { posts: ordered, woman, publishable: problems.length === 0, problems };
}
