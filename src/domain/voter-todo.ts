/**
 * What a voter still has to do for this election, shown on their own page (RULES.md §1):
 * a migrant (category B) declares participation (本人表示参加选举), a non-户籍 resident
 * (category C) waits for the 村民会议/村民代表会议, everyone checks their own entry while
 * objections can still be filed.
 *
 * A declaration is accepted until the voter list is published, and never after the last lawful
 * publication day (E−N); once the list is out, someone left off it can only object (申诉).
 * A category C entry exists only because the person applied (in the app, or on the committee's
 * sheet), so nobody on the roll is asked to apply.
 */
import type { ElectionCalendar } from './calendar';

export type VoterCategory = 'A' | 'B' | 'C';
export type VoterStatus = 'pending' | 'registered' | 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';
/** 外出 (category B) and not on the list yet: the person still has to declare (本人表示参加选举). */
export const awaitsDeclaration = (v: { readonly category?: VoterCategory | null; readonly status?: VoterStatus | null }): boolean => v.category === 'B' && v.status === 'pending';

export type VoterTodoKey = 'declare' | 'awaitMeeting' | 'confirm' | 'object';
export type VoterTodo = { readonly key: VoterTodoKey; readonly label: string; readonly deadline: string | null };

export interface VoterTodoInput {
  readonly category: VoterCategory;
  readonly status: VoterStatus;
  readonly confirmed: boolean;
  /** Category C: the meeting's decision, if any (null before the meeting, and for A and B). */
  readonly residence: 'approved' | 'rejected' | null;
}

const entryOf = (calendar: ElectionCalendar, key: 'voterListPublication' | 'objectionFiling') => calendar.entries.find((x) => x.key === key);

export function voterTodos(voter: VoterTodoInput, calendar: ElectionCalendar): VoterTodo[] {
  const publication = entryOf(calendar, 'voterListPublication');
  const published = !!publication?.doneOn;
  // Until publication the list is open: the latest the server accepts is the end of E−N.
  const listCloses = publication?.deadline ?? null;
  const objectionDeadline = entryOf(calendar, 'objectionFiling')?.deadline ?? null;
  const offList = voter.status !== 'pending' && voter.status !== 'registered';
  const rejected = voter.category === 'C' && voter.residence === 'rejected';
  const todos: VoterTodo[] = [];

  if (awaitsDeclaration(voter) && !published) {
    todos.push({ key: 'declare', label: '表示参加本届选举（外出村民须本人表示；选民名单公布后就不能再表示）', deadline: listCloses });
  }
  if (voter.status === 'pending' && voter.category === 'C' && !rejected && !published) {
    todos.push({ key: 'awaitMeeting', label: '您的登记申请等村民会议或村民代表会议决定，同意后才列入选民名单；结果可以问村选举委员会', deadline: null });
  }
  // Someone who is, or may still be, on the list checks their entry.
  const mayBeListed = voter.status === 'registered' || (voter.status === 'pending' && !rejected && !published);
  if (mayBeListed && !voter.confirmed) {
    todos.push({ key: 'confirm', label: '核对选民名单上的本人信息，有误可以申诉', deadline: objectionDeadline });
  }
  // Left off the list: flagged, refused by the meeting, or still pending when the list came out.
  if ((offList && voter.status !== 'deceased') || rejected || (voter.status === 'pending' && published)) {
    todos.push({ key: 'object', label: '认为自己应当列入选民名单却没有列入的，可以向选举委员会申诉', deadline: objectionDeadline });
  }
  return todos;
}

/** Where the 申诉 window stands for a voter's page: its hints and buttons depend on it. */
export type ObjectionWindow = 'beforeList' | 'open' | 'closed';

/**
 * 'beforeList' until the voter list is published (nothing to object to yet), 'open' until the
 * end of the filing day (RULES.md §1), 'closed' after.
 */
export function objectionWindowAt(entries: readonly { readonly key: string; readonly deadline: string; readonly doneOn?: string }[], instant: Date): ObjectionWindow {
  const published = !!entries.find((x) => x.key === 'voterListPublication')?.doneOn;
  if (!published) return 'beforeList';
  const filing = entries.find((x) => x.key === 'objectionFiling');
  return filing && instant.getTime() < Date.parse(filing.deadline) ? 'open' : 'closed';
}

/**
 * The tasks still open at `now`: a task whose deadline (an exclusive instant) has passed is no
 * longer something the voter can do, and showing it with a past 截止 contradicts the page's own
 * "申诉期限已经过了". The server's list is from when it answered; the page filters with its
 * server-corrected clock.
 */
export function openTodos<T extends Pick<VoterTodo, 'deadline'>>(todos: readonly T[], now: Date): T[] {
  return todos.filter((t) => t.deadline === null || Date.parse(t.deadline) > now.getTime());
}
