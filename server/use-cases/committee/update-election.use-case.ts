/**
 * committee.updateElection — change the election's setup (title, election day, rule preset,
 * posts and seats, registration start, nomination window) with createElection's validation,
 * and record the 村民选举委员会 roster (RULES.md §2) and the voting arrangements (hours, 中心会场,
 * 投票站, 流动票箱 with monitors; RULES.md §5) that the typed notices announce. Returns the
 * statutory calendar and the setup. A call that changes nothing (only `electionId`, or the
 * stored values again) writes nothing and returns the current setup: the setup page's read.
 *
 * Each field's lock point (setupLocks, src/domain/election-setup.ts):
 * - election day, rule preset, title, registration start: until the voter list is published
 *   (the list is published relative to E, ages count on E, the list notice names the election);
 *   before that, a new election day must still leave room for the list (validateElectionDay),
 *   keep every window in statutory order, and leave no registered or pending voter under age;
 * - posts and seats, nomination window: until nomination opens (the ballot and the window the
 *   villagers were told); a moved window may not open in the past;
 * - voting arrangements: until the day before election day (they are announced before E);
 * - the roster: while the election is active (members who are nominated leave and are replaced).
 * The whole change is checked against the election as read, and written only if no one changed
 * it in between (the election document is rewritten, so concurrent writers conflict).
 *
 * Outcomes:
 * - ok: summary with the calendar, revision, changed fields, warnings, setup
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE · NOT_FOUND ELECTION_UNKNOWN | PRESET_UNKNOWN | NO_RULE_SET
 * - INVALID_INPUT BAD_DATE | BAD_SEATS | WINDOW_ORDER | PAST_DATE | ROSTER_TOO_SMALL | ROSTER_CHAIR |
 *   ROSTER_DUPLICATE | UNKNOWN_GROUP | BAD_HOURS | STATION_DUPLICATE | GROUP_TWICE | UNKNOWN_STATION |
 *   TOO_FEW_MONITORS | MONITOR_TWICE
 * - WINDOW_CLOSED ELECTION_DAY_TOO_SOON | FIXED_BY_VOTER_LIST | NOMINATION_STARTED | ELECTION_DAY_REACHED
 * - CONFLICT ELECTION_CLOSED | STALE_REVISION | VOTERS_UNDER_AGE | ROLL_CHANGED (the roll changed while an earlier election day was checked)
 */
import type { updateElection } from '../../../src/contracts/committee.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { COMMITTEE_ROLE_LABELS, POST_LABELS } from '../../../src/contracts/labels';
import { electionDoc, type ElectionDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { isOfVotingAge } from '../../../src/domain/age';
import { validateElectionDay } from '../../../src/domain/calendar';
import { compareCivil, shanghaiDateOf } from '../../../src/domain/civil-date';
import { checkElectionCommittee, checkNominationStart, validateElectionSetup, type SetupField } from '../../../src/domain/election-setup';
import { listPresets, resolveRuleSet } from '../../../src/domain/presets/registry';
import type { RuleSet } from '../../../src/domain/presets/types';
import { err, ok, type Result } from '../../../src/domain/result';
import { checkVotingArrangements } from '../../../src/domain/voting-arrangements';
import { appendAudit } from '../../audit/audit-log';
import { canonicalJson } from '../../audit/canonical-json';
import { findAllDocs, readDoc } from '../../runtime/documents';
import { readRollVersion, writeRollVersion } from '../roll/roll-access.policy';
import type { UseCase } from '../../runtime/dispatch';
import type { CallContext } from '../../runtime/context';
import type { Store } from '../../ports/store.port';
import type { WithId } from '../../runtime/documents';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { calendarOf, electionSummary } from '../shared/election.view';
import { rosterOf, votingOf } from '../notices/setup-notices.text';
import { locksOf, nominationOpensOf, plainVoting, setupView } from './election-setup.view';
import { dateWords } from '../../../src/domain/date-words';

type Input = Parameters<typeof updateElectionUseCase>[0];
type Changed = 'title' | 'electionDay' | 'presetId' | 'posts' | 'registrationOpensOn' | 'nominationOpensOn' | 'nominationClosesOn' | 'electionCommittee' | 'voting';

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The lock that guards each changed field. */
const LOCKED_BY: Readonly<Record<Changed, SetupField>> = {
  title: 'title',
  electionDay: 'electionDay',
  presetId: 'presetId',
  posts: 'posts',
  registrationOpensOn: 'registrationOpensOn',
  nominationOpensOn: 'nominationWindow',
  nominationClosesOn: 'nominationWindow',
  electionCommittee: 'electionCommittee',
  voting: 'voting',
};

/** Fields whose value in the input differs from the stored election. */
function changedFields(input: Input, e: ElectionDoc): Changed[] {
  const out: Changed[] = [];
  const scalar = ['title', 'electionDay', 'presetId', 'posts', 'registrationOpensOn', 'nominationOpensOn', 'nominationClosesOn'] as const;
  for (const f of scalar) if (input[f] !== undefined && !same(input[f], e[f])) out.push(f);
  if (input.electionCommittee !== undefined && !same(input.electionCommittee, rosterOf(e))) out.push('electionCommittee');
  if (input.voting !== undefined && !same(input.voting, votingOf(e))) out.push('voting');
  return out;
}

const rosterText = (r: ReturnType<typeof rosterOf>) => (r ? r.members.map((m) => `${COMMITTEE_ROLE_LABELS[m.role]}${m.name}（${m.group}）`) : []);

/** What the audit entry records of a change: old → new for dates and texts, who joined and left the roster. */
function auditData(changed: readonly Changed[], before: ElectionDoc, after: ElectionDoc): Record<string, unknown> {
  const data: Record<string, unknown> = { changed: changed.join(',') };
  for (const f of changed) {
    if (f === 'posts') data.posts = `${before.posts.map((p) => `${POST_LABELS[p.post]}${p.seats}`).join('、')} → ${after.posts.map((p) => `${POST_LABELS[p.post]}${p.seats}`).join('、')}`;
    else if (f === 'electionCommittee') {
      const was = new Set(rosterText(rosterOf(before)));
      const now = rosterText(rosterOf(after));
      data.rosterAdded = now.filter((m) => !was.has(m)).join('、');
      data.rosterRemoved = [...was].filter((m) => !now.includes(m)).join('、');
      data.rosterSize = now.length;
    } else if (f === 'voting') {
      const v = votingOf(after);
      data.voting = v ? `${v.opensAt}-${v.closesAt}，中心会场${v.centralPlace}，投票站${v.stations.length}个，流动票箱${v.mobileBoxes.length}个` : null;
    } else data[f] = `${String(before[f] ?? '默认')} → ${String(after[f] ?? '默认')}`;
  }
  return data;
}

/** The election after the input's scalar fields (roster and arrangements are set once checked). */
function nextElection(input: Input, election: ElectionDoc): ElectionDoc {
  const next: ElectionDoc = {
    ...election,
    title: input.title ?? election.title,
    electionDay: input.electionDay ?? election.electionDay,
    presetId: input.presetId ?? election.presetId,
    posts: input.posts ?? election.posts,
    registrationOpensOn: input.registrationOpensOn !== undefined ? input.registrationOpensOn : election.registrationOpensOn,
    nominationOpensOn: input.nominationOpensOn !== undefined ? input.nominationOpensOn : election.nominationOpensOn,
    nominationClosesOn: input.nominationClosesOn !== undefined ? input.nominationClosesOn : election.nominationClosesOn,
  };
  delete (next as { _id?: string })._id;
  return next;
}

/** Rules of the updated election: a new preset or election day may bring another rule set. */
function rulesOfNext(changed: readonly Changed[], next: ElectionDoc, election: ElectionDoc): Result<RuleSet, ErrorCode> {
  if (changed.includes('presetId') && !listPresets().some((p) => p.id === next.presetId && p.kind === election.kind)) {
    return err('NOT_FOUND', 'PRESET_UNKNOWN', '没有这套选举规则，或者它不适用于本村（社区）');
  }
  const resolved = resolveRuleSet(next.presetId, next.kind, next.electionDay);
  if (!resolved.ok) return err('NOT_FOUND', 'NO_RULE_SET', '选举日没有生效的选举规则，不能这样修改');
  return ok(resolved.value);
}

interface Checked {
  readonly election: WithId<ElectionDoc>;
  readonly changed: readonly Changed[];
  readonly next: ElectionDoc;
  readonly oldRules: RuleSet;
  readonly rules: RuleSet;
  readonly today: string;
}

/** Each changed field against its lock point, then the calendar of the updated election. */
function checkLocksAndWindows(c: Checked): Result<true, ErrorCode> {
  const { election, changed, next, rules, today } = c;
  const oldCalendar = calendarOf(election, c.oldRules);
  const windows = validateElectionSetup(
    { electionDay: next.electionDay, posts: next.posts, registrationOpensOn: next.registrationOpensOn, nominationOpensOn: next.nominationOpensOn, nominationClosesOn: next.nominationClosesOn },
    rules,
  );
  // A new election day or preset moves the default windows: that counts as moving them.
  const nominationMoved =
    windows.ok && (windows.value.nominationOpensOn !== nominationOpensOf(oldCalendar) || windows.value.nominationClosesOn !== oldCalendar.entries.find((x) => x.key === 'nomination')?.lastDay);
  const guarded = new Set<SetupField>(changed.map((f) => LOCKED_BY[f]));
  if (nominationMoved) guarded.add('nominationWindow');
  for (const lock of locksOf(election, oldCalendar, today)) {
    if (guarded.has(lock.field)) return err('WINDOW_CLOSED', lock.reason, lock.message);
  }
  if (changed.includes('electionDay')) {
    const day = validateElectionDay(next.electionDay, today, rules);
    if (!day.ok) return day;
  }
  if (!windows.ok) return windows;
  if (nominationMoved && windows.value.nominationOpensOn !== nominationOpensOf(oldCalendar)) {
    const start = checkNominationStart(windows.value.nominationOpensOn, today);
    if (!start.ok) return start;
  }
  return ok(true);
}

/**
 * RULES.md §1: of age on E. An earlier E may leave people on the roll under age; the roll is read
 * outside the transaction, so the roll version read first is re-checked (and written) inside it
 * (roll-access.policy.ts). Returns that version (null when the roll was not read).
 */
async function checkElectionDayMove(store: Store, c: Checked, warnings: string[]): Promise<Result<number | null, ErrorCode>> {
  const { election, next, rules } = c;
  if (!c.changed.includes('electionDay')) return ok(null);
  if (compareCivil(next.electionDay, election.electionDay) >= 0) {
    warnings.push(`选举日推迟后，到${dateWords(next.electionDay)}年满${rules.voter.minAge}周岁的村民也可以登记，请及时补充登记`);
    return ok(null);
  }
  const version = await readRollVersion(store, election._id);
  const voters = await findAllDocs(store, 'voter', { electionId: election._id }, voterDoc);
  const under = voters.filter((v) => (v.status === 'registered' || v.status === 'pending') && !isOfVotingAge(v.birthDate, next.electionDay, rules));
  if (under.length > 0) {
    return err('CONFLICT', 'VOTERS_UNDER_AGE', `选举日提前到${dateWords(next.electionDay)}后，名册上有${under.length}人到选举日不满${rules.voter.minAge}周岁，不能这样改；请先核对名册`);
  }
  return ok(version);
}

/** The roster and the arrangements: checked when they change, and again under a new rule set; set on `next`. */
async function checkRosterAndVoting(input: Input, c: Checked, village: WithId<VillageDoc>, registered: () => Promise<number>, at: string, warnings: string[]): Promise<Result<true, ErrorCode>> {
  const { election, changed, next, rules, today } = c;
  const rulesChanged = rules.id !== c.oldRules.id;
  const roster = input.electionCommittee ?? rosterOf(election);
  if (roster && (changed.includes('electionCommittee') || rulesChanged)) {
    const r = checkElectionCommittee(roster, village, today, rules);
    if (!r.ok) return r;
    warnings.push(...r.value.warnings);
  }
  const voting = input.voting ?? votingOf(election);
  if (voting && (changed.includes('voting') || rulesChanged)) {
    const r = checkVotingArrangements(voting, { groups: village.groups, registeredVoters: await registered() }, rules);
    if (!r.ok) return r;
    warnings.push(...r.value.warnings);
  }
  if (changed.includes('electionCommittee') && roster) next.electionCommittee = { ...roster, members: [...roster.members], updatedAt: at };
  if (changed.includes('voting') && voting) next.voting = { ...plainVoting(voting), updatedAt: at };
  return ok(true);
}

/** Writes `next` only if the election (and, when checked, the roll) is still what was read. */
async function commitUpdate(ctx: CallContext, c: Checked, checkedRollVersion: number | null, at: string): Promise<Result<true, ErrorCode>> {
  const { election, next, changed } = c;
  const loaded = canonicalJson({ ...election, _id: undefined });
  return ctx.store.runTransaction<Result<true, ErrorCode>>(async (tx) => {
    const current = await readDoc(tx, 'election', election._id, electionDoc);
    if (!current || canonicalJson({ ...current, _id: undefined }) !== loaded) {
      return err('CONFLICT', 'STALE_REVISION', '选举设置刚刚有了变化（其他成员修改或公布了选民名单），请刷新后再改');
    }
    if (checkedRollVersion !== null) {
      if ((await readRollVersion(tx, election._id)) !== checkedRollVersion) {
        return err('CONFLICT', 'ROLL_CHANGED', '刚才选民名册有了变化（有人正在登记或导入），选举日没有改；请稍等一会儿再保存');
      }
      await writeRollVersion(tx, election._id, checkedRollVersion);
    }
    await tx.set('election', election._id, next);
    await appendAudit(tx, { scope: election._id, action: 'committee.updateElection', actor: actorOf(ctx), at, subject: election._id, data: auditData(changed, election, next) });
    return ok(true);
  });
}

export const updateElectionUseCase: UseCase<typeof updateElection> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, village } = scope.value;
  const now = ctx.clock.now();
  const today = shanghaiDateOf(now);
  const at = now.toISOString();
  const registered = () => ctx.store.count('voter', { electionId: election._id, status: 'registered' });
  const reply = async (doc: WithId<ElectionDoc>, rules: RuleSet, changed: readonly Changed[], warnings: string[]) =>
    ok({
      election: electionSummary(doc, village, now),
      revision: doc.revision ?? 0,
      changed: [...changed],
      warnings,
      setup: setupView(doc, village, rules, calendarOf(doc, rules), await registered(), today),
    });

  const changed = changedFields(input, election);
  if (changed.length === 0) return reply(election, scope.value.rules, [], []);
  if (election.status !== 'active') return err('CONFLICT', 'ELECTION_CLOSED', '这场选举已经结束，不能再修改设置');
  if (input.revision !== undefined && input.revision !== (election.revision ?? 0)) {
    return err('CONFLICT', 'STALE_REVISION', '其他选举委员会成员刚刚修改了选举设置，请刷新后再改');
  }
  const next = nextElection(input, election);
  const rules = rulesOfNext(changed, next, election);
  if (!rules.ok) return rules;
  const checked: Checked = { election, changed, next, oldRules: scope.value.rules, rules: rules.value, today };
  const windows = checkLocksAndWindows(checked);
  if (!windows.ok) return windows;
  const warnings: string[] = [];
  const rollVersion = await checkElectionDayMove(ctx.store, checked, warnings);
  if (!rollVersion.ok) return rollVersion;
  const arranged = await checkRosterAndVoting(input, checked, village, registered, at, warnings);
  if (!arranged.ok) return arranged;
  next.revision = (election.revision ?? 0) + 1;
  next.updatedAt = at;

  const r = await commitUpdate(ctx, checked, rollVersion.value, at);
  if (!r.ok) return r;
  const stored = await readDoc(ctx.store, 'election', election._id, electionDoc);
  if (!stored) throw new Error('election vanished after update');
  return reply(stored, rules.value, changed, warnings);
};
