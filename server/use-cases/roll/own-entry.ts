/** The caller's own roll entry, through their binding (identity only from the WeChat context). */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { bindingDoc, electionDoc, villageDoc, voterDoc, type ElectionDoc, type VillageDoc, type VoterDoc } from '../../../src/contracts/store-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { requireOpenid } from '../shared/access';

export interface OwnEntry {
  readonly openid: string;
  readonly voter: WithId<VoterDoc>;
  readonly election: WithId<ElectionDoc>;
  readonly village: WithId<VillageDoc>;
}

export async function loadOwnEntry(ctx: CallContext): Promise<Result<OwnEntry, ErrorCode>> {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const binding = await readDoc(ctx.store, 'binding', who.value, bindingDoc);
  if (!binding) return err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
  const [voter, election, village] = await Promise.all([
    readDoc(ctx.store, 'voter', binding.voterId, voterDoc),
    readDoc(ctx.store, 'election', binding.electionId, electionDoc),
    readDoc(ctx.store, 'village', binding.villageId, villageDoc),
  ]);
  if (!voter || !election || !village) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
  return ok({ openid: who.value, voter, election, village });
}
