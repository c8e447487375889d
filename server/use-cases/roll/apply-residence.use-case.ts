/**
 * registration.applyResidence — a WeChat user not yet on any roll applies to vote where they
 * live (category C: 户籍 elsewhere, living in the village ≥ the preset's years on election day).
 * Creates a pending C entry and binds the applicant to it; the committee then records the
 * 村民会议/村民代表会议 decision, and the approval takes the person's deployment-wide registration
 * (不重登) — refused there, and recorded for the township, when another village holds it.
 *
 * The applicant has not proven the ID number (issue #10): whether it is on this roll, on another
 * village's, or on none, the reply is the same — a pending entry. One whose number already has an
 * entry here is marked `duplicateOf` that entry (it can never be approved; the committee sees the
 * note and rejects it). Nothing about other villages is read or written here; a WeChat user may
 * leave CLAIM_POLICY.maxApplicationsPerUser applications per election.
 *
 * The applicant's own dates are checked at once (a residence already too short on election day
 * cannot be approved), unlike a committee import, where the meeting decides.
 *
 * Outcomes:
 * - ok: the new entry (no ID digits) and the election
 * - INVALID_INPUT ID_LENGTH | ID_CHARS | ID_CHECK_DIGIT | ID_BIRTH_DATE | UNKNOWN_GROUP | BAD_DATE
 * - UNAUTHENTICATED NO_OPENID | NOT_FOUND ELECTION_UNKNOWN
 * - NOT_ELIGIBLE UNDER_18 | RESIDENCE_TOO_SHORT
 * - CONFLICT ALREADY_BOUND (this WeChat user has an entry; checked before anything about the number)
 * - LIMIT_EXCEEDED TOO_MANY_APPLICATIONS
 * - WINDOW_CLOSED LIST_PUBLISHED | REGISTRATION_CLOSED | ELECTION_CLOSED
 *
 * Cost: 6 reads (the caller's applications; in the transaction the election, the list freeze,
 * the village, the caller's binding, the roll key) and 4 writes with the audit, whatever the roll's size.
 */
import type { applyResidence } from '../../../src/contracts/registration.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import type { ParsedInputOf } from '../../../src/contracts/define-action';
import { villageDoc, type ElectionDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindingDoc, voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { compareCivil, shanghaiDateOf, type CivilDate } from '../../../src/domain/civil-date';
import type { ParsedId } from '../../../src/domain/id-number';
import { ageEligibility, CLAIM_POLICY, residenceCompletesOn, residenceRequirementMet } from '../../../src/domain/registration';
import { matchGroup, normalizePersonName } from '../../../src/domain/registration-row';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { findDocs, readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { actorOf, requireCallerWithId } from '../shared/access.policy';
import { electionSummary, rulesOf, voterView } from '../shared/election.view';
import { requireRegistrationOpen } from './roll-access.policy';
import { draftRollEntry } from './roll-entry.records';
import { readRollKey, setRollKey } from './registration-claim.records';

type Input = ParsedInputOf<typeof applyResidence>;

/** What the committee reads on an application whose number already has an entry on this roll. */
export const DUPLICATE_APPLICATION_NOTE = '此申请填写的身份证号码与本届另一条登记相同（一人只能登记一次），不能同意；请核实申请人身份';

/** The applicant's own data against the election: group, age and residence (input only, nothing about the roll). */
function checkApplicant(input: Input, id: ParsedId, election: ElectionDoc, village: VillageDoc, today: CivilDate): Result<string, ErrorCode> {
  const rules = rulesOf(election);
  const group = matchGroup(input.group, village.groups);
  if (!group) return err('INVALID_INPUT', 'UNKNOWN_GROUP', `“${input.group}”不是${village.name}的村民小组，请从列表中选择`);
  const age = ageEligibility(id.birthDate, election.electionDay, today, rules);
  if (age) return age.reason === 'UNDER_18' ? err('NOT_ELIGIBLE', 'UNDER_18', age.message) : err('INVALID_INPUT', 'ID_BIRTH_DATE', age.message);
  if (compareCivil(input.residenceSince, today) > 0) return err('INVALID_INPUT', 'BAD_DATE', '居住起始日期还没到，请核对');
  if (compareCivil(input.residenceSince, id.birthDate) < 0) return err('INVALID_INPUT', 'BAD_DATE', '居住起始日期早于出生日期，请核对');
  if (!residenceRequirementMet(input.residenceSince, election.electionDay, rules)) {
    const years = rules.voter.residenceYearsForCategoryC;
    return err(
      'NOT_ELIGIBLE',
      'RESIDENCE_TOO_SHORT',
      `到选举日（${election.electionDay}）您在本村居住不满${years}年（${residenceCompletesOn(input.residenceSince, rules)}才满${years}年），本届不能在本村登记；可以在户籍所在地参加选举`,
    );
  }
  return ok(group);
}

type Applied = { voter: WithId<VoterDoc>; election: WithId<ElectionDoc>; village: WithId<VillageDoc> };

export const applyResidenceUseCase: UseCase<typeof applyResidence> = async (input, ctx) => {
  const caller = requireCallerWithId(ctx, input.idNumber);
  if (!caller.ok) return caller;
  const { openid, idHash, id } = caller.value;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = shanghaiDateOf(now);
  // Racing applications of one user are serialised by their binding (written below), so a count
  // of the committed ones is enough.
  const mine = await findDocs(ctx.store, 'voter', { electionId: input.electionId, appliedBy: openid }, voterDoc, { limit: CLAIM_POLICY.maxApplicationsPerUser });

  const r = await ctx.store.runTransaction<Result<Applied, ErrorCode>>(async (tx) => {
    const open = await requireRegistrationOpen(tx, input.electionId, null, today);
    if (!open.ok) return open;
    const election = open.value;
    const village = await readDoc(tx, 'village', election.villageId, villageDoc);
    if (!village) throw new Error(`election ${election._id} lost its village`);
    const group = checkApplicant(input, id, election, village, today);
    if (!group.ok) return group;
    if (await readDoc(tx, 'binding', openid, bindingDoc)) {
      return err('CONFLICT', 'ALREADY_BOUND', '这个微信已经绑定了选民身份，不能再申请；如需更换，请先在“我的”里解除绑定');
    }
    if (mine.length >= CLAIM_POLICY.maxApplicationsPerUser) {
      return err('LIMIT_EXCEEDED', 'TOO_MANY_APPLICATIONS', `这个微信在本届选举已经提交过${CLAIM_POLICY.maxApplicationsPerUser}次申请，请联系村选举委员会`);
    }
    const existing = await readRollKey(tx, election._id, idHash);
    const entry = draftRollEntry(
      {
        electionId: election._id,
        villageId: village._id,
        name: normalizePersonName(input.name),
        idHash,
        birthDate: id.birthDate,
        sex: id.sex,
        group: group.value,
        category: 'C',
        phoneMasked: null,
        residenceSince: input.residenceSince,
        note: existing ? DUPLICATE_APPLICATION_NOTE : null,
        boundTo: openid,
      },
      ctx.settings.idHmacKey,
      ctx.rng,
      at,
    );
    const doc: VoterDoc = { ...entry.doc, appliedBy: openid, duplicateOf: existing };
    await tx.set('voter', entry.id, doc);
    // A pending entry is not on the list: the roll version (what publication checks) stays.
    if (!existing) await setRollKey(tx, election._id, idHash, entry.id);
    await tx.set('binding', openid, { voterId: entry.id, electionId: election._id, villageId: village._id, boundAt: at });
    await appendAudit(tx, { scope: election._id, action: 'registration.applyResidence', actor: actorOf(ctx), at, subject: entry.id, data: { category: 'C', group: group.value } });
    return ok({ voter: { ...doc, _id: entry.id }, election, village });
  });
  if (!r.ok) return r;
  const { voter, election, village } = r.value;
  return ok({ voter: voterView(voter, election, village.name), election: electionSummary(election, village, now) });
};
