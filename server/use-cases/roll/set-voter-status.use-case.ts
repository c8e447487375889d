/**
 * committee.setVoterStatus — one operation on one roll entry, with its reason and audit entry.
 *
 * Outcomes:
 * - ok: the entry (no ID digits); reissueBindingCode also returns the new code, once
 * - FORBIDDEN NOT_COMMITTEE | NOT_FOUND ELECTION_UNKNOWN | VOTER_UNKNOWN
 * - WINDOW_CLOSED LIST_PUBLISHED: a list-changing operation after publication (use an objection)
 *   | ELECTION_CLOSED
 * - flags (deprived, deceased, movedAway, unableToExercise): NOT_ELIGIBLE FLAG_NOT_ALLOWED
 *   (unableToExercise where the preset has no such flag) | CONFLICT ALREADY_SET; a flag takes the
 *   entry off the list and frees the person's registration (不重登: only registered entries hold it)
 * - restore: CONFLICT NOT_FLAGGED | CONFLICT DOUBLE_REGISTRATION (registered elsewhere meanwhile)
 * - approveResidence / rejectResidence (category C, 村民会议/村民代表会议): CONFLICT NOT_CATEGORY_C |
 *   ALREADY_DECIDED | NOT_ELIGIBLE FLAGGED | NO_RESIDENCE_DATE | RESIDENCE_TOO_SHORT (less than the
 *   preset's years on election day; exactly N years qualifies) | INVALID_INPUT BAD_DATE (future
 *   meeting) | CONFLICT DOUBLE_REGISTRATION
 * - recordDeclaration (category B, in person or by phone): CONFLICT NOT_CATEGORY_B |
 *   ALREADY_DECLARED | NOT_ELIGIBLE FLAGGED | INVALID_INPUT BAD_DATE | CONFLICT DOUBLE_REGISTRATION
 * - every DOUBLE_REGISTRATION refusal is recorded for township.duplicates (source 'committee')
 * - releaseRegistration (人户分离): CONFLICT NOT_HELD
 */
import type { setVoterStatus } from '../../../src/contracts/roll.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { electionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import { readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf } from '../shared/access.policy';
import { electionClosed, listPublishedError, loadCommitteeElection, isVoterListPublished } from './roll-access.policy';
import { rosterEntry } from './roll-entry.records';
import { notifyVoided } from '../proxies/void-proxies.effects';
import { applyVoterStatusOp, opChangesList, type StatusOpResult, type VoterStatusChange } from './voter-status.records';

export const setVoterStatusUseCase: UseCase<typeof setVoterStatus> = async (input, ctx) => {
  const loaded = await loadCommitteeElection(ctx, input.electionId);
  if (!loaded.ok) return loaded;
  const { rules, today, now } = loaded.value;
  const { electionId, voterId, ...change } = input;

  const r = await ctx.store.runTransaction<Result<StatusOpResult, ErrorCode>>(async (tx) => {
    const current = await readDoc(tx, 'election', electionId, electionDoc);
    if (!current || current.status !== 'active') return electionClosed();
    if (opChangesList(change.op) && (await isVoterListPublished(tx, current))) return listPublishedError();
    const voter = await readDoc(tx, 'voter', voterId, voterDoc);
    if (!voter || voter.electionId !== electionId) return err('NOT_FOUND', 'VOTER_UNKNOWN', '本届选举的登记里没有这个人');
    return applyVoterStatusOp(tx, voter, change as VoterStatusChange, {
      electionDay: current.electionDay,
      rules,
      today,
      at: now.toISOString(),
      actor: actorOf(ctx),
      hmacKey: ctx.settings.idHmacKey,
      rng: ctx.rng,
      via: { kind: 'committee' },
    });
  });
  if (!r.ok) return r;
  await notifyVoided(ctx, r.value.voidedProxies);
  return ok({ voter: rosterEntry(r.value.voter, loaded.value.election), ...(r.value.bindingCode ? { bindingCode: r.value.bindingCode } : {}) });
};
