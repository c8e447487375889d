/**
 * identity.whoami — roles, bound voter (no ID digits), the elections that concern the caller,
 * and, when asked with an `electionId` (from the poster's QR code), that election's village and
 * its 村民小组 (names only), so that a caller not yet bound can pick the group in a form.
 *
 * Outcomes: always ok (an unknown caller simply has no roles; an unknown electionId gives
 * `askedElection: null`, which says no more than the QR code already does).
 */
import type { whoami } from '../../../src/contracts/identity.contract';
import type { ElectionSummary } from '../../../src/contracts/common.schema';
import type { AskedElection } from '../../../src/contracts/voter.schema';
import { electionDoc, villageDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindAttemptDoc, bindingDoc, voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { ok } from '../../../src/domain/result';
import { findDocs, readDoc } from '../../runtime/documents';
import type { CallContext } from '../../runtime/context';
import type { UseCase } from '../../runtime/dispatch';
import { committeeMemberships, isTownshipAdmin } from '../shared/access.policy';
import { electionSummary, voterView } from '../shared/election.view';

type Role = 'voter' | 'committee' | 'township';

export const whoAmIUseCase: UseCase<typeof whoami> = async (input, ctx) => {
  const none = { roles: [] as Role[], voter: null, committeeOf: [], elections: [], bindLockedUntil: null };
  if (!ctx.openid) return ok({ ...none, askedElection: await askedElectionOf(ctx, input.electionId, new Map()) });
  const now = ctx.clock.now();
  const roles: Role[] = [];
  const elections = new Map<string, ElectionSummary>();
  const villages = new Map<string, VillageDoc>();
  // Elections already read on the way, by id → their village: the asked one costs no read again.
  const villageOfElection = new Map<string, VillageDoc>();

  const villageOf = async (id: string) => {
    const v = await readDoc(ctx.store, 'village', id, villageDoc);
    if (v) villages.set(id, v);
    return v;
  };

  let voter = null;
  const binding = await readDoc(ctx.store, 'binding', ctx.openid, bindingDoc);
  if (binding) {
    const [v, e, village] = await Promise.all([
      readDoc(ctx.store, 'voter', binding.voterId, voterDoc),
      readDoc(ctx.store, 'election', binding.electionId, electionDoc),
      villageOf(binding.villageId),
    ]);
    if (v && e && village) {
      roles.push('voter');
      voter = voterView(v, e, village.name);
      elections.set(e._id, electionSummary(e, village, now));
      villageOfElection.set(e._id, village);
    }
  }

  const memberships = await committeeMemberships(ctx);
  if (memberships.length) roles.push('committee');
  for (const m of memberships) {
    const village = await villageOf(m.villageId);
    if (!village) continue;
    const active = await findDocs(ctx.store, 'election', { villageId: m.villageId, status: 'active' }, electionDoc, { limit: 5 });
    for (const e of active) {
      if (!elections.has(e._id)) elections.set(e._id, electionSummary(e, village, now));
      villageOfElection.set(e._id, village);
    }
  }
  if (isTownshipAdmin(ctx)) roles.push('township');

  const attempt = await readDoc(ctx.store, 'bindAttempt', ctx.openid, bindAttemptDoc);
  return ok({
    roles,
    voter,
    committeeOf: memberships.map((m) => ({ villageId: m.villageId, villageName: villages.get(m.villageId)?.name ?? '' })),
    elections: [...elections.values()],
    bindLockedUntil: attempt?.lockedUntil && attempt.lockedUntil > now.toISOString() ? attempt.lockedUntil : null,
    askedElection: await askedElectionOf(ctx, input.electionId, villageOfElection),
  });
};

/** The asked election's village and groups: none asked or unknown → null; already read → no read. */
async function askedElectionOf(ctx: CallContext, electionId: string | undefined, known: ReadonlyMap<string, VillageDoc>): Promise<AskedElection | null> {
  if (!electionId) return null;
  let village = known.get(electionId) ?? null;
  if (!village) {
    const e = await readDoc(ctx.store, 'election', electionId, electionDoc);
    village = e ? await readDoc(ctx.store, 'village', e.villageId, villageDoc) : null;
  }
  return village ? { id: electionId, villageName: village.name, groups: [...village.groups] } : null;
}
