/**
 * township.members — a village's election-committee members (选举委员会成员) with role, term,
 * status and the linked voter (name and group only).
 *
 * Outcomes: ok | FORBIDDEN NOT_TOWNSHIP | NOT_FOUND VILLAGE_UNKNOWN
 */
import type { members } from '../../../src/contracts/township.contract';
import { memberDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { err, ok } from '../../../src/domain/result';
import { findAllDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { requireTownship } from '../shared/access.policy';
import { compareMemberViews, memberView } from './member.view';

export const listMembersUseCase: UseCase<typeof members> = async (input, ctx) => {
  const t = requireTownship(ctx);
  if (!t.ok) return t;
  const village = await readDoc(ctx.store, 'village', input.villageId, villageDoc);
  if (!village) return err('NOT_FOUND', 'VILLAGE_UNKNOWN', '没有找到这个村（社区）');
  const docs = await findAllDocs(ctx.store, 'member', { villageId: input.villageId }, memberDoc);
  const views = await Promise.all(docs.map((m) => memberView(ctx.store, ctx.settings.idHmacKey, m)));
  return ok({ village: { id: village._id, name: village.name }, members: views.sort(compareMemberViews) });
};
