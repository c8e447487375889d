/**
 * Upgrades member documents written before roles and terms (role 'committee') to the current
 * shape, persisting what the read path otherwise derives each time: the term (the village's
 * current election, if any) and the link to the member's roll entry (their binding in this
 * village). Idempotent; run by the local host at start and by `npm run migrate`.
 *
 * Reads still accept a legacy document (memberDoc migrates on read), so a store not yet migrated
 * keeps working — the CloudBase deployment included.
 */
import { isLegacyMember, memberDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindingDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { Store } from '../../ports/store.port';
import { findAllDocs, readDoc } from '../../runtime/documents';
import { activeElectionClaimId, linkMemberToVoter, writeMember } from './membership.records';

export interface MemberMigration {
  readonly examined: number;
  readonly upgraded: number;
  readonly linked: number;
}

export async function migrateMembers(store: Store, townshipId: string): Promise<MemberMigration> {
  let examined = 0;
  let upgraded = 0;
  let linked = 0;
  for (const village of await findAllDocs(store, 'village', { townshipId }, villageDoc)) {
    for (const raw of await store.find('member', { villageId: village._id }, { limit: 1000 })) {
      examined++;
      if (!isLegacyMember(raw)) continue;
      const did = await store.runTransaction(async (tx) => {
        const again = await tx.get('member', raw._id);
        if (!isLegacyMember(again)) return null;
        const m = memberDoc.parse(again);
        const claim = await tx.get<{ electionId?: unknown }>('meta', activeElectionClaimId(m.villageId));
        const current = { ...m, termElectionId: typeof claim?.electionId === 'string' ? claim.electionId : null };
        await writeMember(tx, raw._id, current);
        const binding = await readDoc(tx, 'binding', m.openid, bindingDoc);
        if (binding && binding.villageId === m.villageId) {
          await linkMemberToVoter(tx, raw._id, current, binding.voterId);
          return 'linked';
        }
        return 'upgraded';
      });
      if (did) upgraded++;
      if (did === 'linked') linked++;
    }
  }
  return { examined, upgraded, linked };
}
