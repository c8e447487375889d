/**
 * The group leaders' call list of a notice (电话通知名单), as of its latest push round (the
 * publication, or the last committee.remindUnread): every registered voter who has not read
 * and whom that push did not reach —
 *
 * - not bound to WeChat (`notBound`);
 * - the push was refused (`pushFailed`; nothing was sent);
 * - its outcome is unknown (`pushUnknown`): the worker stopped between claiming the delivery
 *   and recording the answer. Sending is at most once (server/push/push-job.ts, through ctx.push), so it is never
 *   resent; a call makes sure the villager hears of the notice;
 * - no consent left (`noConsent`), reported as `pushUnknown` when an earlier push of this notice
 *   to them is unknown and none was sent.
 *
 * A voter whose latest push was sent, or is still pending, or who is not part of that round but
 * has a consent left (a reminder will reach them), is not on the list. Computed from the stored
 * deliveries, so fetching it again pushes nothing (committee.noticeStats with `callList`).
 *
 * The list carries the name, group and the phone number masked, and whether it can be dialled
 * (committee.revealPhone opens a sealed phone for one call) — never an ID number or a clear
 * phone number (RULES.md §7).
 */
import type * as z from 'zod/mini';
import type { callListEntrySchema } from '../../../src/contracts/notice-committee.contract';
import { type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { noticeDeliveryDoc, pushJobDoc, type NoticeDeliveryDoc } from '../../../src/contracts/documents/push-documents.schema';
import { sortByStroke } from '../../../src/domain/stroke-order';
import type { AppContext } from '../../runtime/context';
import { findAllDocs, findDocs, type WithId } from '../../runtime/documents';
import type { Voter } from './notice-reach.view';
import { groupBy } from '../../runtime/group-by';

export type CallListEntry = z.infer<typeof callListEntrySchema>;
type Why = CallListEntry['why'];

const WHY_LABELS: Record<Why, string> = { notBound: '未绑定微信', noConsent: '没有订阅次数', pushFailed: '推送未成功', pushUnknown: '推送情况不明' };

/** Stored phones are masked at import; a clear number slipping through is masked again here, never shown. */
export function safeMaskedPhone(stored: string | null): string | null {
  if (stored === null) return null;
  const digits = stored.replace(/\D/g, '');
  return /^1\d{10}$/.test(digits) ? `${digits.slice(0, 3)}****${digits.slice(7)}` : stored;
}

export interface UnreadReach {
  readonly total: number;
  /** Bound with a consent left: a reminder push can reach them. */
  readonly withConsent: number;
  /** Not bound, or no consent left. */
  readonly callOnly: number;
  /** By village group (the village's order), then 姓氏笔画. */
  readonly callList: CallListEntry[];
  readonly pushUnknown: number;
}

function whyOf(v: Voter, latest: NoticeDeliveryDoc | undefined, owed: number, earlier: readonly NoticeDeliveryDoc[]): Why | null {
  if (v.boundTo === null) return 'notBound';
  const status = latest?.status;
  if (status === 'sent' || status === 'pending' || status === 'sending') return null;
  if (status === 'failed') return 'pushFailed';
  if (status === 'unknown') return 'pushUnknown';
  if (status === undefined && owed > 0) return null;
  const lostBefore = earlier.some((d) => d.status === 'unknown') && !earlier.some((d) => d.status === 'sent');
  return lostBefore ? 'pushUnknown' : 'noConsent';
}

export interface ReachInput {
  readonly electionId: string;
  readonly village: WithId<VillageDoc>;
  readonly noticeId: string;
  /** The election's registered voters. */
  readonly voters: readonly Voter[];
  readonly readers: ReadonlySet<string>;
}

/** The unread registered voters of a notice, how they can be reached, and the call list. */
export async function unreadReach(ctx: Pick<AppContext, 'store' | 'push'>, input: ReachInput): Promise<UnreadReach> {
  const { store } = ctx;
  const { village, voters, readers } = input;
  const unread = voters.filter((v) => !readers.has(v._id));
  const bound = unread.filter((v): v is Voter & { boundTo: string } => v.boundTo !== null);
  const [jobs, deliveries, consents] = await Promise.all([
    findDocs(store, 'pushJob', { noticeId: input.noticeId }, pushJobDoc, { limit: 100 }),
    findAllDocs(store, 'noticeDelivery', { noticeId: input.noticeId }, noticeDeliveryDoc),
    ctx.push.consentsByOpenid(input.electionId, bound.map((v) => v.boundTo)),
  ]);
  // The publication is round 0, the n-th reminder round n.
  const latestJob = jobs.slice().sort((a, b) => a.round - b.round).at(-1)?._id ?? null;
  const byVoter = groupBy(deliveries, (d) => d.voterId);

  let withConsent = 0;
  let callOnly = 0;
  const toCall: { voter: Voter; why: Why }[] = [];
  for (const v of unread) {
    const owed = v.boundTo === null ? 0 : (consents.get(v.boundTo) ?? []).reduce((n, c) => n + c.unused, 0);
    if (owed > 0) withConsent += 1;
    else callOnly += 1;
    const mine = byVoter.get(v._id) ?? [];
    const latest = mine.find((d) => d.jobId === latestJob);
    const why = whyOf(v, latest, owed, mine.filter((d) => d.jobId !== latestJob));
    if (why) toCall.push({ voter: v, why });
  }

  const rank = new Map(village.groups.map((g, i) => [g, i]));
  const byGroup = groupBy(toCall, (c) => c.voter.group);
  const groups = [...byGroup.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const callList = groups.flatMap((g) =>
    sortByStroke(byGroup.get(g) ?? [], (c) => c.voter.name).map((c) => ({
      voterId: c.voter._id,
      name: c.voter.name,
      group: c.voter.group,
      category: c.voter.category,
      phoneMasked: safeMaskedPhone(c.voter.phoneMasked),
      callable: Boolean(c.voter.phoneSealed),
      why: c.why,
      whyLabel: WHY_LABELS[c.why],
    })),
  );
  return { total: unread.length, withConsent, callOnly, callList, pushUnknown: toCall.filter((c) => c.why === 'pushUnknown').length };
}
