/**
 * committee.enterPaperNomination — 纸质提名票录入: a paper ballot (a returned form, or one written
 * for the voter at their request, 代写) typed in by a committee member, with the clerk's identity
 * and the reference of the paper or its scan. It is the voter's one ballot (the same document as
 * an app ballot, so never both) and goes into the same counts; a form the committee rules invalid
 * is recorded as invalid (counted, adds no votes) with the reason. Accepted from the window's
 * opening until the committee closes the count (forms collected by the last day are typed in after).
 *
 * Outcomes:
 * - ok: the receipt code (printed for the voter) and whether the ballot counts as valid
 * - UNAUTHENTICATED NO_OPENID · FORBIDDEN NOT_COMMITTEE | MEMBER_REVOKED · NOT_FOUND ELECTION_UNKNOWN | VOTER_UNKNOWN
 * - INVALID_INPUT NAME_MISMATCH | INVALID_REASON_REQUIRED | EMPTY_BALLOT | UNKNOWN_POST | TOO_MANY_NAMES | DUPLICATE_NOMINEE
 * - NOT_ELIGIBLE NOT_REGISTERED | NOMINEE_OTHER_VILLAGE | NOMINEE_NOT_REGISTERED | NOMINEE_UNDER_AGE
 * - WINDOW_CLOSED NOT_OPEN_YET | NO_WINDOW | NOMINATIONS_CLOSED
 * - CONFLICT DIGITAL_BALLOT_EXISTS | ALREADY_SUBMITTED
 */
import type { enterPaperNomination } from '../../../src/contracts/candidate.contract';
import { voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { startOfShanghaiDay } from '../../../src/domain/civil-date';
import { err, ok } from '../../../src/domain/result';
import type { UseCase } from '../../runtime/dispatch';
import { readDoc } from '../../runtime/documents';
import { requireCommitteeElection } from '../shared/election-access.policy';
import { actorOf } from '../shared/access.policy';
import { nameKey } from '../shared/name-key.records';
import { readClose } from './candidate-selection.view';
import { checkBallot } from './nomination-scope.policy';
import { paperAfterClose, recordBallot } from './ballot.records';
import { dateWords } from '../../../src/domain/date-words';

export const enterPaperNominationUseCase: UseCase<typeof enterPaperNomination> = async (input, ctx) => {
  const scope = await requireCommitteeElection(ctx, input.electionId);
  if (!scope.ok) return scope;
  const { election, rules } = scope.value;
  const now = ctx.clock.now();
  if (!election.nominationOpensOn) return err('WINDOW_CLOSED', 'NO_WINDOW', '还没有定提名时间');
  if (now.getTime() < startOfShanghaiDay(election.nominationOpensOn).getTime()) return err('WINDOW_CLOSED', 'NOT_OPEN_YET', `提名从${dateWords(election.nominationOpensOn)}开始`);
  if (await readClose(ctx.store, election._id)) return paperAfterClose();
  const voter = await readDoc(ctx.store, 'voter', input.voterId, voterDoc);
  if (!voter || voter.electionId !== election._id) return err('NOT_FOUND', 'VOTER_UNKNOWN', '选民名单上没有这个人');
  if (voter.nameKey !== nameKey(input.voterName)) return err('INVALID_INPUT', 'NAME_MISMATCH', `选民名单上这个编号的人是${voter.name}，与填写的姓名不一致`);
  if (voter.status !== 'registered') return err('NOT_ELIGIBLE', 'NOT_REGISTERED', `${voter.name}不是本届登记的选民，不能提名`);
  const invalidReason = input.invalidReason?.trim() || null;
  if (!input.valid && !invalidReason) return err('INVALID_INPUT', 'INVALID_REASON_REQUIRED', '无效票请写明无效的原因');
  if (input.valid) {
    const checked = await checkBallot(ctx.store, input.names, election, rules);
    if (!checked.ok) return checked;
  }
  const actor = actorOf(ctx);
  const recorded = await recordBallot(ctx, {
    content: { electionId: election._id, voterId: voter._id, channel: 'paper', valid: input.valid, names: input.names, signatureDigest: null, scanRef: input.scanRef, submittedAt: now.toISOString() },
    villageId: election.villageId,
    signature: null,
    paper: { clerk: actor, scanRef: input.scanRef, assisted: input.assisted, invalidReason: input.valid ? null : invalidReason },
    actor,
    resubmission: 'reject',
  });
  if (!recorded.ok) return recorded;
  return ok({ receiptCode: recorded.value.ballot.code, valid: input.valid });
};
