/**
 * 直接提名 — what one nomination ballot may hold and who may be named on it (RULES.md §3).
 *
 * - Per post, no more names than that post's seats; a post not in the election is refused.
 * - One person at most once on a ballot: naming the same villager for two posts would count
 *   one voter's support twice (a ballot names each nominee for one post).
 * - A nominee is a registered voter of this village with the right to stand: on this election's
 *   roll, status `registered` (not pending, not struck off or deprived), of age on E.
 * - The window is the committee's, in Asia/Shanghai calendar days: from the start of the
 *   opening day to the end of the closing day (both included).
 * Pure: time is passed in, nothing is read.
 */
import { isOfVotingAge } from './age';
import { endOfShanghaiDay, startOfShanghaiDay, type CivilDate } from './civil-date';
import type { Post, RuleSet } from './presets/types';
import { err, ok, type Result } from './result';
import type { VoterStatus } from './voter-todo';
import { dateWords } from './date-words';

export const POST_LABELS: Readonly<Record<Post, string>> = { director: '主任', deputy: '副主任', member: '委员' };

/** The order posts are filled in: a higher post first (see formal-candidates.ts). */
export const POST_ORDER: readonly Post[] = ['director', 'deputy', 'member'];

export type BallotReason = 'EMPTY_BALLOT' | 'UNKNOWN_POST' | 'TOO_MANY_NAMES' | 'DUPLICATE_NOMINEE';
export type NomineeReason = 'NOMINEE_OTHER_VILLAGE' | 'NOMINEE_NOT_REGISTERED' | 'NOMINEE_UNDER_AGE';
export type WindowReason = 'NOT_OPEN_YET' | 'CLOSED' | 'NO_WINDOW';

export interface PostSeats {
  readonly post: Post;
  readonly seats: number;
}

/** A ballot as submitted: voter ids named per post. */
export type BallotNames = Readonly<Partial<Record<Post, readonly string[]>>>;

export interface BallotProblem {
  readonly reason: BallotReason;
  readonly message: string;
  readonly post?: Post;
}

/** Checks the shape of a ballot against the election's posts and seats. */
export function checkBallotShape(names: BallotNames, posts: readonly PostSeats[]): Result<void, 'INVALID_INPUT', BallotReason> {
  const seats = new Map(posts.map((p) => [p.post, p.seats]));
  const seen = new Set<string>();
  let total = 0;
  for (const [post, ids] of Object.entries(names) as Array<[Post, readonly string[] | undefined]>) {
    if (!ids || ids.length === 0) continue;
    const max = seats.get(post);
    if (max === undefined) return err('INVALID_INPUT', 'UNKNOWN_POST', `本届选举没有“${POST_LABELS[post] ?? post}”这个职位`);
    if (ids.length > max) {
      return err('INVALID_INPUT', 'TOO_MANY_NAMES', `${POST_LABELS[post]}最多只能提名${max}人，您填了${ids.length}人`);
    }
    for (const id of ids) {
      if (seen.has(id)) return err('INVALID_INPUT', 'DUPLICATE_NOMINEE', '同一个人在一张提名票上只能提名一次');
      seen.add(id);
    }
    total += ids.length;
  }
  if (total === 0) return err('INVALID_INPUT', 'EMPTY_BALLOT', '请至少提名一个人');
  return ok(undefined);
}

/** What the nominee check needs of a roll entry. */
export interface NomineeEntry {
  readonly villageId: string;
  readonly electionId: string;
  readonly status: VoterStatus;
  readonly birthDate: CivilDate;
}

/** May this roll entry be named on a ballot of `electionId`? */
export function nomineeEligibility(
  nominee: NomineeEntry | null,
  election: { readonly id: string; readonly villageId: string; readonly electionDay: CivilDate },
  rules: RuleSet,
): Result<void, 'NOT_ELIGIBLE', NomineeReason> {
  if (!nominee || nominee.villageId !== election.villageId || nominee.electionId !== election.id) {
    return err('NOT_ELIGIBLE', 'NOMINEE_OTHER_VILLAGE', '被提名人必须是本村登记的选民');
  }
  if (nominee.status !== 'registered') {
    return err('NOT_ELIGIBLE', 'NOMINEE_NOT_REGISTERED', '被提名人不在本届选民名单上，或已被取消选民资格');
  }
  if (!isOfVotingAge(nominee.birthDate, election.electionDay, rules)) {
    return err('NOT_ELIGIBLE', 'NOMINEE_UNDER_AGE', `被提名人到选举日还不满${rules.voter.minAge}周岁`);
  }
  return ok(undefined);
}

export interface NominationWindow {
  readonly opensOn: CivilDate | null;
  readonly closesOn: CivilDate | null;
}

/** Open from 00:00 of `opensOn` to 24:00 of `closesOn`, Beijing time, whatever the host's zone. */
export function nominationWindowState(window: NominationWindow, now: Date): Result<void, 'WINDOW_CLOSED', WindowReason> {
  if (!window.opensOn || !window.closesOn) return err('WINDOW_CLOSED', 'NO_WINDOW', '选举委员会还没有定提名时间');
  const t = now.getTime();
  if (t < startOfShanghaiDay(window.opensOn).getTime()) {
    return err('WINDOW_CLOSED', 'NOT_OPEN_YET', `提名从${dateWords(window.opensOn)}开始，现在还不能提名`);
  }
  if (t >= endOfShanghaiDay(window.closesOn).getTime()) {
    return err('WINDOW_CLOSED', 'CLOSED', `提名已在${dateWords(window.closesOn)}结束`);
  }
  return ok(undefined);
}
