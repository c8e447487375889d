/**
 * registration.declareParticipation — a migrant (category B: 户籍 here, living elsewhere)
 * declares from the phone that they will take part (本人表示参加选举), optionally with the city
 * they live in now; their entry becomes registered and takes the person's deployment-wide
 * registration (不重登) in the same transaction — the first registration confirmed anywhere wins.
 *
 * Outcomes:
 * - ok (again ok with `alreadyDeclared: true`, whatever the channel of the first declaration)
 * - UNAUTHENTICATED NO_OPENID | NOT_BOUND | NOT_FOUND ELECTION_GONE
 * - NOT_ELIGIBLE NOT_CATEGORY_B | FLAGGED
 * - CONFLICT DOUBLE_REGISTRATION: registered in another village meanwhile (人户分离, e.g. approved
 *   there as category C); the attempt is recorded for township.duplicates
 * - WINDOW_CLOSED LIST_PUBLISHED (from publication on, a missing name is an objection) |
 *   REGISTRATION_CLOSED (after the last lawful publication day) | ELECTION_CLOSED
 */
import type { declareParticipation } from '../../../src/contracts/registration.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { STATUS_LABELS } from '../../../src/contracts/labels';
import { electionDoc, villageDoc, type ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindingDoc, voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { isFlagged } from '../../../src/domain/registration';
import { scrubNote } from '../../../src/domain/registration-row';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf, requireOpenid } from '../shared/access.policy';
import { rulesOf, voterView } from '../shared/election.view';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { bumpRollVersion, electionClosed, registrationOpenIn } from './roll-access.policy';
import { claimFor, recordDoubleRegistration } from './registration-claim.records';

function refusal(v: VoterDoc): Result<never, ErrorCode> | null {
  if (v.category !== 'B') return err('NOT_ELIGIBLE', 'NOT_CATEGORY_B', '只有户籍在本村、外出居住的选民需要表示参加选举；您的登记不需要这一步');
  if (isFlagged(v.status)) return err('NOT_ELIGIBLE', 'FLAGGED', `您的登记状态是“${STATUS_LABELS[v.status]}”，不能表示参加选举；如有不同意见请联系村选举委员会`);
  return null;
}

export const declareParticipationUseCase: UseCase<typeof declareParticipation> = async (input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  // The binding alone before the transaction: entry and election are read once, inside it (the
  // state the write is checked against), the village once after it for the reply's name.
  const binding = await readDoc(ctx.store, 'binding', who.value, bindingDoc);
  if (!binding) return err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
  const now = ctx.clock.now();
  const today = shanghaiDateOf(now);
  const at = now.toISOString();

  const r = await ctx.store.runTransaction<Result<{ voter: WithId<VoterDoc>; election: WithId<ElectionDoc>; already: boolean }, ErrorCode>>(async (tx) => {
    const v = await readDoc(tx, 'voter', binding.voterId, voterDoc);
    const election = v ? await readDoc(tx, 'election', v.electionId, electionDoc) : null;
    if (!v || !election) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
    if (election.status !== 'active') return electionClosed();
    const no = refusal(v);
    if (no) return no;
    if (v.declaration) return ok({ voter: v, election, already: true });
    const open = registrationOpenIn(election, rulesOf(election), today);
    if (!open.ok) return open;
    const claim = await claimFor(tx, v, at);
    if (!claim.ok) {
      if (claim.reason === 'NOT_HELD') return err('CONFLICT', 'DOUBLE_REGISTRATION', '本届选举中您另有一条登记，请联系村选举委员会核对');
      // Committed with the refusal: the township must see the attempt.
      await recordDoubleRegistration(tx, { electionId: v.electionId, villageId: v.villageId, idHash: v.idHash, birthDate: v.birthDate, name: v.name, claim: claim.claim, source: 'declaration', importId: null, row: null, at });
      return err('CONFLICT', 'DOUBLE_REGISTRATION', `您已在“${claim.villageName}”登记为选民，一个人不能在两个村重复登记。如确应在本村参加选举，请先联系该村选举委员会释放登记`);
    }
    const declaration = { channel: 'app' as const, on: today, livesIn: input.livesIn ? scrubNote(input.livesIn).text : null, at };
    await claim.take();
    await tx.update('voter', v._id, { declaration, status: 'registered', updatedAt: at });
    await bumpRollVersion(tx, v.electionId);
    await appendAudit(tx, { scope: v.electionId, action: 'registration.declareParticipation', actor: actorOf(ctx), at, subject: v._id, data: { from: v.status, to: 'registered' } });
    return ok({ voter: { ...v, declaration, status: 'registered', updatedAt: at }, election, already: false });
  });
  if (!r.ok) return r;
  const { voter, election, already } = r.value;
  const village = await readDoc(ctx.store, 'village', voter.villageId, villageDoc);
  if (!village) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
  return ok({ voter: voterView(voter, election, village.name), declaredOn: voter.declaration!.on, alreadyDeclared: already });
};
