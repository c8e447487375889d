/**
 * Loading the election an action is about, with the caller's standing: a committee member of its
 * village, or the bound voter of its roll. Every use case goes through here; identity only from
 * the call context.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { electionDoc, villageDoc, type ElectionDoc, type VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindingDoc, voterDoc, type BindingDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { RuleSet } from '../../../src/domain/presets/types';
import { err, ok, type Result } from '../../../src/domain/result';
import type { CallContext } from '../../runtime/context';
import { readDoc, readDocs, type WithId } from '../../runtime/documents';
import { requireCommittee, requireOpenid } from './access.policy';
import { rulesOf } from './election.view';

export interface ElectionScope {
  readonly election: WithId<ElectionDoc>;
  readonly village: WithId<VillageDoc>;
  readonly rules: RuleSet;
}

/** The election and its village, for a committee member of that village. */
export async function requireCommitteeElection(ctx: CallContext, electionId: string): Promise<Result<ElectionScope, ErrorCode>> {
  if (!ctx.openid) return err('UNAUTHENTICATED', 'NO_OPENID', '没有取得微信身份，请在微信里打开');
  const election = await readDoc(ctx.store, 'election', electionId, electionDoc);
  if (!election) return err('NOT_FOUND', 'ELECTION_UNKNOWN', '没有找到这场选举');
  const member = await requireCommittee(ctx, election.villageId, election);
  if (!member.ok) return member;
  const village = await readDoc(ctx.store, 'village', election.villageId, villageDoc);
  if (!village) throw new Error(`election ${electionId} has no village`);
  return ok({ election, village, rules: rulesOf(election) });
}

export interface VoterScope extends ElectionScope {
  readonly openid: string;
  readonly binding: WithId<BindingDoc>;
  readonly voter: WithId<VoterDoc>;
}

/**
 * The caller's own roll entry and its election. `known`: the caller's binding when the use case
 * has already read it (null: read and absent), so it is not billed twice.
 */
export async function requireBoundVoter(ctx: CallContext, known?: WithId<BindingDoc> | null): Promise<Result<VoterScope, ErrorCode>> {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const binding = known !== undefined ? known : await readDoc(ctx.store, 'binding', who.value, bindingDoc);
  if (!binding) return err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
  const [voter, election, village] = await Promise.all([
    readDoc(ctx.store, 'voter', binding.voterId, voterDoc),
    readDoc(ctx.store, 'election', binding.electionId, electionDoc),
    readDoc(ctx.store, 'village', binding.villageId, villageDoc),
  ]);
  if (!voter || !election || !village) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
  return ok({ openid: who.value, binding, voter, election, village, rules: rulesOf(election) });
}

/** The caller's binding and roll entry only, for actions that need neither election nor village. */
export async function requireBoundEntry(ctx: CallContext): Promise<Result<{ binding: WithId<BindingDoc>; voter: WithId<VoterDoc> }, ErrorCode>> {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const binding = await readDoc(ctx.store, 'binding', who.value, bindingDoc);
  if (!binding) return err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
  const voter = await readDoc(ctx.store, 'voter', binding.voterId, voterDoc);
  if (!voter) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
  return ok({ binding, voter });
}

export interface LeanVoterScope {
  readonly openid: string;
  readonly binding: WithId<BindingDoc>;
  readonly voter: WithId<VoterDoc>;
  readonly election: WithId<ElectionDoc>;
  readonly rules: RuleSet;
  /** The other roll entries asked for, read in the same batch as the caller's (absent: not found). */
  readonly others: ReadonlyMap<string, WithId<VoterDoc>>;
}

/**
 * requireBoundVoter without the village, with other roll entries the action names read in the
 * same batched read as the caller's own (one billed read, as CloudBase bills `_id in [...]`):
 * binding, entries, election — three reads for an action about another villager too.
 */
export async function requireBoundVoterWith(ctx: CallContext, otherVoterIds: readonly string[]): Promise<Result<LeanVoterScope, ErrorCode>> {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const binding = await readDoc(ctx.store, 'binding', who.value, bindingDoc);
  if (!binding) return err('UNAUTHENTICATED', 'NOT_BOUND', '请先绑定您的选民身份');
  const [voters, election] = await Promise.all([
    readDocs(ctx.store, 'voter', [binding.voterId, ...otherVoterIds], voterDoc),
    readDoc(ctx.store, 'election', binding.electionId, electionDoc),
  ]);
  const voter = voters.get(binding.voterId);
  if (!voter || !election) return err('NOT_FOUND', 'ELECTION_GONE', '您绑定的选举已不存在，请联系村选举委员会');
  return ok({ openid: who.value, binding, voter, election, rules: rulesOf(election), others: voters });
}
