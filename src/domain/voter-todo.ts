/**
 * What a voter still has to do for this election, shown on their own page (RULES.md §1):
 * a migrant (category B) declares participation (本人表示参加选举), a non-户籍 resident
 * (category C) applies, everyone checks their own entry while objections can still be filed.
 */
import type { ElectionCalendar } from './calendar';

export type VoterCategory = 'A' | 'B' | 'C';
export type VoterStatus = 'pending' | 'registered' | 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';
export type VoterTodoKey = 'declare' | 'apply' | 'confirm' | 'object';
export type VoterTodo = { readonly key: VoterTodoKey; readonly label: string; readonly deadline: string | null };

const deadlineOf = (calendar: ElectionCalendar, key: 'registration' | 'objectionFiling'): string | null =>
  calendar.entries.find((x) => x.key === key)?.deadline ?? null;

export function voterTodos(
  voter: { readonly category: VoterCategory; readonly status: VoterStatus; readonly confirmed: boolean },
  calendar: ElectionCalendar,
): VoterTodo[] {
  const todos: VoterTodo[] = [];
  if (voter.status === 'pending' && voter.category === 'B') {
    todos.push({ key: 'declare', label: '表示参加本届选举（外出村民须本人表示）', deadline: deadlineOf(calendar, 'registration') });
  }
  if (voter.status === 'pending' && voter.category === 'C') {
    todos.push({ key: 'apply', label: '申请参加选举，经村民会议或村民代表会议同意后登记', deadline: deadlineOf(calendar, 'registration') });
  }
  if ((voter.status === 'pending' || voter.status === 'registered') && !voter.confirmed) {
    todos.push({ key: 'confirm', label: '核对选民名单上的本人信息，有误可以申诉', deadline: deadlineOf(calendar, 'objectionFiling') });
  }
  if (voter.status === 'deprived' || voter.status === 'unableToExercise' || voter.status === 'movedAway') {
    todos.push({ key: 'object', label: '对未列入选民名单有异议的，可以向选举委员会申诉', deadline: deadlineOf(calendar, 'objectionFiling') });
  }
  return todos;
}
