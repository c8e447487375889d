/**
 * identity.whoami — roles, bound voter (no ID digits), the elections that concern the caller.
 *
 * Outcomes: always ok (an unknown caller simply has no roles).
 */
import type { whoami } from '../../../src/contracts/identity.contract';
import type { ElectionSummary } from '../../../src/contracts/common.schema';
import { electionDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindAttemptDoc, bindingDoc, voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { ok } from '../../../src/domain/result';
import { findDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { committeeMemberships, isTownshipAdmin } from '../shared/access.policy';
import { electionSummary, voterView } from '../shared/election.view';

type Role = 'voter' | 'committee' | 'township';

export const whoAmIUseCase: UseCase<typeof whoami> = async (_input, ctx) => {
  const none = { roles: [] as Role[], voter: null, committeeOf: [], elections: [], bindLockedUntil: null };
  if (!ctx.openid) return ok(none);
  const now = ctx.clock.now();
  const roles: Role[] = [];
  const elections = new Map<string, ElectionSummary>();
  const villageNames = new Map<string, string>();

  const villageOf = async (id: string) => {
    const v = await readDoc(ctx.store, 'village', id, villageDoc);
    if (v) villageNames.set(id, v.name);
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
    }
  }

  const memberships = await committeeMemberships(ctx);
  if (memberships.length) roles.push('committee');
  for (const m of memberships) {
    const village = await villageOf(m.villageId);
    if (!village) continue;
    const active = await findDocs(ctx.store, 'election', { villageId: m.villageId, status: 'active' }, electionDoc, { limit: 5 });
    for (const e of active) if (!elections.has(e._id)) elections.set(e._id, electionSummary(e, village, now));
  }
  if (isTownshipAdmin(ctx)) roles.push('township');

  const attempt = await readDoc(ctx.store, 'bindAttempt', ctx.openid, bindAttemptDoc);
  return ok({
    roles,
    voter,
    committeeOf: memberships.map((m) => ({ villageId: m.villageId, villageName: villageNames.get(m.villageId) ?? '' })),
    elections: [...elections.values()],
    bindLockedUntil: attempt?.lockedUntil && attempt.lockedUntil > now.toISOString() ? attempt.lockedUntil : null,
  });
};
