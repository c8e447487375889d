/**
 * committee.createElection — posts and seats, election day, rule preset of the village;
 * returns the statutory calendar.
 *
 * Outcomes: ok | FORBIDDEN NOT_COMMITTEE | NOT_FOUND VILLAGE_UNKNOWN | NOT_FOUND NO_RULE_SET |
 * INVALID_INPUT BAD_DATE | BAD_SEATS | WINDOW_ORDER | WINDOW_CLOSED ELECTION_DAY_TOO_SOON |
 * CONFLICT ELECTION_EXISTS (one active election per village). The village's members without a term
 * start serving this election.
 */
import type { createElection } from '../../../src/contracts/committee.contract';
import type { ErrorCode } from '../../../src/contracts/envelope';
import { electionDoc, memberDoc, villageDoc, type ElectionDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { POST_LABELS } from '../../../src/contracts/labels';
import { shanghaiDateOf } from '../../../src/domain/civil-date';
import { validateElectionDay } from '../../../src/domain/calendar';
import { validateElectionSetup } from '../../../src/domain/election-setup';
import { resolveRuleSet } from '../../../src/domain/presets/registry';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { findDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { newId } from '../../security/keyed-hash';
import { activeElectionClaimId, startTerms } from '../membership/membership.records';
import { actorOf, requireCommittee } from '../shared/access.policy';
import { electionSummary } from '../shared/election.view';

/** The new election's document: the village's kind and preset, the committee's dates and posts. */
function newElectionDoc(input: Parameters<typeof createElectionUseCase>[0], village: VillageDoc, at: string): ElectionDoc {
  return {
    villageId: input.villageId,
    villageName: village.name,
    title: input.title ?? `${village.name}${input.electionDay.slice(0, 4)}年${village.kind === 'village' ? '村民委员会' : '居民委员会'}换届选举`,
    kind: village.kind,
    presetId: village.presetId,
    electionDay: input.electionDay,
    posts: input.posts,
    registrationOpensOn: input.registrationOpensOn ?? null,
    nominationOpensOn: input.nominationOpensOn ?? null,
    nominationClosesOn: input.nominationClosesOn ?? null,
    voterListPublishedOn: null,
    status: 'active',
    createdAt: at,
  };
}

export const createElectionUseCase: UseCase<typeof createElection> = async (input, ctx) => {
  const member = await requireCommittee(ctx, input.villageId);
  if (!member.ok) return member;
  const village = await readDoc(ctx.store, 'village', input.villageId, villageDoc);
  if (!village) return err('NOT_FOUND', 'VILLAGE_UNKNOWN', '没有找到这个村（社区）');

  const now = ctx.clock.now();
  const rules = resolveRuleSet(village.presetId, village.kind, input.electionDay);
  if (!rules.ok) return err('NOT_FOUND', 'NO_RULE_SET', '选举日没有生效的选举规则，不能创建选举');
  const day = validateElectionDay(input.electionDay, shanghaiDateOf(now), rules.value);
  if (!day.ok) return day;
  const setup = validateElectionSetup(
    {
      electionDay: input.electionDay,
      posts: input.posts,
      registrationOpensOn: input.registrationOpensOn ?? null,
      nominationOpensOn: input.nominationOpensOn ?? null,
      nominationClosesOn: input.nominationClosesOn ?? null,
    },
    rules.value,
  );
  if (!setup.ok) return setup;

  const at = now.toISOString();
  const id = newId(ctx.rng, 'e');
  const doc = newElectionDoc(input, village, at);
  const claim = activeElectionClaimId(input.villageId);
  // Members redeemed before this election start their term with it (re-read in the transaction).
  const awaitingTerm = (await findDocs(ctx.store, 'member', { villageId: input.villageId }, memberDoc)).filter((m) => m.status === 'active' && m.termElectionId === null).map((m) => m._id);
  const r = await ctx.store.runTransaction<Result<true, ErrorCode>>(async (tx) => {
    const existing = await tx.get('meta', claim);
    if (existing) return err('CONFLICT', 'ELECTION_EXISTS', '本村已经有一场进行中的选举');
    await tx.set('meta', claim, { electionId: id });
    await tx.set('election', id, doc);
    await startTerms(tx, awaitingTerm, id);
    await appendAudit(tx, {
      scope: id,
      action: 'committee.createElection',
      actor: actorOf(ctx),
      at,
      data: { electionDay: doc.electionDay, presetId: doc.presetId, posts: doc.posts.map((p) => `${POST_LABELS[p.post]}${p.seats}`).join('、') },
    });
    return ok(true);
  });
  if (!r.ok) return r;
  const stored = await readDoc(ctx.store, 'election', id, electionDoc);
  if (!stored) throw new Error('election vanished after commit');
  return ok({ election: electionSummary(stored, village, now) });
};
