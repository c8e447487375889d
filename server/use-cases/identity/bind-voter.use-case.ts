/**
 * identity.bind — bind this WeChat user to one roll entry (name + ID number + binding code).
 *
 * Guessing is limited per WeChat user and per entry (bind-guard.ts): an entry locked by wrong
 * tries refuses even the right data until the committee unlocks it, and says so. An ID number
 * with no entry counts and locks the same way, so no reply tells whether a number is on a roll.
 *
 * Outcomes:
 * - ok: the voter's entry (no ID digits) and election
 * - INVALID_INPUT ID_LENGTH | ID_CHARS | ID_CHECK_DIGIT | ID_BIRTH_DATE: the ID number itself is malformed
 * - UNAUTHENTICATED NO_OPENID: no WeChat identity
 * - NOT_FOUND BIND_MISMATCH: name, ID number and binding code do not match one entry (which one is not said)
 * - CONFLICT ALREADY_BOUND: this WeChat user is already bound; VOTER_TAKEN: the entry is bound to another user
 * - RATE_LIMITED BIND_LOCKED: this user made too many wrong tries; locked until a time
 * - RATE_LIMITED ENTRY_LOCKED: too many wrong tries at this ID number; the committee unlocks it
 *
 * Cost: 6 reads (the number's entries by query; in the transaction the user's counter, their
 * binding, the entry, their committee seat and the election) and 3–4 writes with the audit.
 */
import type { bind } from '../../../src/contracts/identity.contract';
import { electionDoc, villageDoc, type ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindAttemptDoc, bindingDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { appendAudit } from '../../audit/audit-log';
import { readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash, sameHash } from '../../security/keyed-hash';
import { linkOnBind } from '../membership/membership.records';
import { actorOf, requireCallerWithId } from '../shared/access.policy';
import { electionSummary, voterView } from '../shared/election.view';
import { nameKey } from '../shared/name-key.records';
import { formatShanghaiTime } from '../shared/format.text';
import { countMiss, entryLocked, readEntryGuard, type MissOutcome } from './bind-guard';


type Outcome =
  | { kind: 'bound'; voter: WithId<VoterDoc>; election: WithId<ElectionDoc> | null }
  | { kind: 'alreadyBound' }
  | { kind: 'taken' }
  | { kind: 'locked'; lockedUntil: string }
  | MissOutcome;

export const ENTRY_LOCKED_MESSAGE = '这个身份证号码的绑定因多次输错已被锁定。如果是您本人的登记，请带身份证联系村选举委员会解锁';

/** The refusal a villager reads for each outcome other than a binding. */
function refusalOf(outcome: Exclude<Outcome, { kind: 'bound' }>): Result<never, ErrorCode> {
  switch (outcome.kind) {
    case 'locked':
      return err('RATE_LIMITED', 'BIND_LOCKED', `尝试次数太多，已暂时锁定，请在 ${formatShanghaiTime(outcome.lockedUntil)} 以后再试`);
    case 'userLocked':
      return err('RATE_LIMITED', 'BIND_LOCKED', `姓名、身份证号码或绑定码不对，尝试次数太多，已暂时锁定，请在 ${formatShanghaiTime(outcome.lockedUntil)} 以后再试`);
    case 'entryLocked':
      return err('RATE_LIMITED', 'ENTRY_LOCKED', ENTRY_LOCKED_MESSAGE);
    case 'alreadyBound':
      return err('CONFLICT', 'ALREADY_BOUND', '这个微信已经绑定了选民身份；如需更换，请先在“我的”里解除绑定');
    case 'taken':
      return err('CONFLICT', 'VOTER_TAKEN', '这条登记已经被另一个微信绑定了。如果不是您本人绑定的，请联系村选举委员会');
    case 'mismatch':
      return err('NOT_FOUND', 'BIND_MISMATCH', `姓名、身份证号码或绑定码不对，请对照《选民登记告知书》核对。还可以再试 ${outcome.remaining} 次`);
  }
}

export const bindVoterUseCase: UseCase<typeof bind> = async (input, ctx) => {
  const caller = requireCallerWithId(ctx, input.idNumber);
  if (!caller.ok) return caller;
  const { openid, idHash } = caller.value;

  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const { idHmacKey } = ctx.settings;
  const limits = { userMax: ctx.settings.bindMaxFailures, userLockMinutes: ctx.settings.bindLockMinutes, entryMax: ctx.settings.bindEntryMaxFailures };
  const codeHash = keyedHash(idHmacKey, 'binding-code', input.bindingCode);

  // Every entry of the person (registered or pending, any election); each is re-read inside the transaction.
  // Ids only (each entry is read and checked in the transaction): no schema check here.
  const candidates = (await ctx.store.find('voter', { idHash }, { limit: 20 })).map((v) => v._id);

  const outcome = await ctx.store.runTransaction<Outcome>(async (tx) => {
    const attempt = await readDoc(tx, 'bindAttempt', openid, bindAttemptDoc);
    if (attempt?.lockedUntil && attempt.lockedUntil > nowIso) return { kind: 'locked', lockedUntil: attempt.lockedUntil };
    if (await readDoc(tx, 'binding', openid, bindingDoc)) return { kind: 'alreadyBound' };
    const guard = await readEntryGuard(tx, idHash, candidates);
    if (entryLocked(guard)) return { kind: 'entryLocked' };

    const voter = guard.entries.find((v) => v.nameKey === nameKey(input.name) && sameHash(v.bindingCodeHash, codeHash));
    if (!voter) return countMiss(tx, { openid, attempt, guard, limits, now });
    if (voter.boundTo !== null && voter.boundTo !== openid) return { kind: 'taken' };

    await tx.set('binding', openid, { voterId: voter._id, electionId: voter.electionId, villageId: voter.villageId, boundAt: nowIso });
    await tx.update('voter', voter._id, { boundTo: openid, bindFailures: 0, updatedAt: nowIso });
    if (attempt) await tx.remove('bindAttempt', openid);
    // A committee member of this village binding their own entry: RULES.md §2 needs the link.
    await linkOnBind(tx, { villageId: voter.villageId, openid, voterId: voter._id });
    await appendAudit(tx, { scope: voter.electionId, action: 'identity.bind', actor: actorOf(ctx), at: nowIso, subject: voter._id });
    // The reply's election, read by id in the transaction that is open anyway (the same one
    // billed read as after it, without a read transaction of its own on the embedded store).
    const election = await readDoc(tx, 'election', voter.electionId, electionDoc);
    return { kind: 'bound', voter: { ...voter, boundTo: openid, bindFailures: 0, updatedAt: nowIso }, election };
  });

  if (outcome.kind !== 'bound') return refusalOf(outcome);
  const { voter, election } = outcome;
  if (!election) throw new Error('bound voter lost its election');
  // Elections created before villageName was kept on them read the village (the migration fills it in).
  const villageName = election.villageName ?? (await readDoc(ctx.store, 'village', voter.villageId, villageDoc))?.name;
  if (villageName === undefined) throw new Error('bound voter lost its village');
  return ok({ voter: voterView(voter, election, villageName), election: electionSummary(election, { name: villageName }, now) });
};
