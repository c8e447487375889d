/**
 * registration.applyResidence — a WeChat user not yet on any roll applies to vote where they
 * live (category C: 户籍 elsewhere, living in the village ≥ the preset's years on election day).
 * Creates a pending C entry and binds the applicant to it; the committee then records the
 * 村民会议/村民代表会议 decision, and the approval takes the person's deployment-wide registration
 * (不重登). A person already registered in another village is refused at once (they must be
 * released there first); a migrant merely pending in their 户籍 village is not registered there,
 * so they may apply here — the first registration confirmed wins.
 *
 * The applicant's own dates are checked at once (a residence already too short on election day
 * cannot be approved), unlike a committee import, where the meeting decides.
 *
 * Outcomes:
 * - ok: the new entry (masked) and the election
 * - INVALID_INPUT ID_LENGTH | ID_CHARS | ID_CHECK_DIGIT | ID_BIRTH_DATE | UNKNOWN_GROUP | BAD_DATE
 * - UNAUTHENTICATED NO_OPENID | NOT_FOUND ELECTION_UNKNOWN
 * - NOT_ELIGIBLE UNDER_18 | RESIDENCE_TOO_SHORT
 * - CONFLICT ALREADY_BOUND (this WeChat user has an entry) | ALREADY_ON_ROLL (this person is on
 *   this election's roll) | DOUBLE_REGISTRATION (registered in another village; the township sees it)
 * - WINDOW_CLOSED LIST_PUBLISHED | REGISTRATION_CLOSED | ELECTION_CLOSED
 */
import type { applyResidence } from '../../../src/contracts/registration.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { bindingDoc, voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { compareCivil } from '../../../src/domain/civil-date';
import { maskIdNumber, parseIdNumber } from '../../../src/domain/id-number';
import { ageEligibility, residenceCompletesOn, residenceRequirementMet } from '../../../src/domain/registration';
import { matchGroup, normalizePersonName } from '../../../src/domain/registration-row';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { findDocs, readDoc, type WithId } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash } from '../../security/keyed-hash';
import { actorOf, requireOpenid } from '../shared/access';
import { electionSummary, voterView } from '../shared/election-view';
import { bumpRollVersion, electionClosed, loadElection, requireRegistrationOpen } from './roll-access';
import { draftRollEntry } from './roll-entry';
import { inspectClaim, readRollKey, recordDoubleRegistration, setRollKey } from './registration-claim';

const ALREADY_ON_ROLL = '您已经在本村的选民登记里了，请用《选民登记告知书》上的绑定码绑定；没有告知书的，请联系村选举委员会';

export const applyResidenceUseCase: UseCase<typeof applyResidence> = async (input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const openid = who.value;
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);
  const loaded = await loadElection(ctx, input.electionId);
  if (!loaded.ok) return loaded;
  const { election, village, rules, today, now } = loaded.value;
  if (election.status !== 'active') return electionClosed();

  const group = matchGroup(input.group, village.groups);
  if (!group) return err('INVALID_INPUT', 'UNKNOWN_GROUP', `“${input.group}”不是${village.name}的村民小组，请从列表中选择`);
  const age = ageEligibility(parsed.value.birthDate, election.electionDay, today, rules);
  if (age) return age.reason === 'UNDER_18' ? err('NOT_ELIGIBLE', 'UNDER_18', age.message) : err('INVALID_INPUT', 'ID_BIRTH_DATE', age.message);
  if (compareCivil(input.residenceSince, today) > 0) return err('INVALID_INPUT', 'BAD_DATE', '居住起始日期还没到，请核对');
  if (compareCivil(input.residenceSince, parsed.value.birthDate) < 0) return err('INVALID_INPUT', 'BAD_DATE', '居住起始日期早于出生日期，请核对');
  if (!residenceRequirementMet(input.residenceSince, election.electionDay, rules)) {
    const years = rules.voter.residenceYearsForCategoryC;
    return err(
      'NOT_ELIGIBLE',
      'RESIDENCE_TOO_SHORT',
      `到选举日（${election.electionDay}）您在本村居住不满${years}年（${residenceCompletesOn(input.residenceSince, rules)}才满${years}年），本届不能在本村登记；可以在户籍所在地参加选举`,
    );
  }

  const idHash = keyedHash(ctx.settings.idHmacKey, 'id', parsed.value.normalized);
  const idMasked = maskIdNumber(parsed.value.normalized);
  const name = normalizePersonName(input.name);
  // An entry of this person on this roll is found by the blind index (entries older than roll
  // keys); the roll key and the claim are checked in the transaction.
  const onRoll = await findDocs(ctx.store, 'voter', { electionId: election._id, idHash }, voterDoc, { limit: 1 });
  if (onRoll.length) return err('CONFLICT', 'ALREADY_ON_ROLL', ALREADY_ON_ROLL);

  const at = now.toISOString();
  const here = { electionId: election._id, villageId: village._id };
  const r = await ctx.store.runTransaction<Result<WithId<VoterDoc>, ErrorCode>>(async (tx) => {
    const open = await requireRegistrationOpen(tx, election._id, rules, today);
    if (!open.ok) return open;
    if (await readDoc(tx, 'binding', openid, bindingDoc)) {
      return err('CONFLICT', 'ALREADY_BOUND', '这个微信已经绑定了选民身份，不能再申请；如需更换，请先在“我的”里解除绑定');
    }
    if (await readRollKey(tx, election._id, idHash)) return err('CONFLICT', 'ALREADY_ON_ROLL', ALREADY_ON_ROLL);
    const claim = await inspectClaim(tx, idHash, here);
    if (claim.kind === 'thisElection') return err('CONFLICT', 'ALREADY_ON_ROLL', ALREADY_ON_ROLL);
    if (claim.kind === 'elsewhere') {
      // Committed with the refusal: the township must see the attempt.
      await recordDoubleRegistration(tx, { ...here, idHash, idMasked, name, claim: claim.claim, source: 'application', importId: null, row: null, at });
      return err('CONFLICT', 'DOUBLE_REGISTRATION', `您已在“${claim.villageName}”登记为选民，一个人不能在两个村重复登记。如确应在本村登记（人户分离），请先联系该村选举委员会释放登记`);
    }
    const entry = draftRollEntry(
      {
        ...here,
        name,
        idHash,
        idMasked,
        birthDate: parsed.value.birthDate,
        sex: parsed.value.sex,
        group,
        category: 'C',
        phoneMasked: null,
        residenceSince: input.residenceSince,
        note: null,
        boundTo: openid,
      },
      ctx.settings.idHmacKey,
      ctx.rng,
      at,
    );
    await tx.set('voter', entry.id, entry.doc);
    await setRollKey(tx, election._id, idHash, entry.id);
    await bumpRollVersion(tx, election._id);
    await tx.set('binding', openid, { voterId: entry.id, electionId: election._id, villageId: village._id, boundAt: at });
    await appendAudit(tx, { scope: election._id, action: 'registration.applyResidence', actor: actorOf(ctx), at, subject: entry.id, data: { category: 'C', group } });
    return ok({ ...entry.doc, _id: entry.id });
  });
  if (!r.ok) return r;
  return ok({ voter: voterView(r.value, election, village.name), election: electionSummary(election, village, now) });
};
