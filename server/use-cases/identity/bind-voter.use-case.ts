/**
 * identity.bind — bind this WeChat user to one roll entry (name + ID number + binding code).
 *
 * Outcomes:
 * - ok: the voter's masked entry and election
 * - INVALID_INPUT ID_LENGTH | ID_CHARS | ID_CHECK_DIGIT | ID_BIRTH_DATE: the ID number itself is malformed
 * - UNAUTHENTICATED NO_OPENID: no WeChat identity
 * - NOT_FOUND BIND_MISMATCH: name, ID number and binding code do not match one entry (which one is not said)
 * - CONFLICT ALREADY_BOUND: this WeChat user is already bound; VOTER_TAKEN: the entry is bound to another user
 * - RATE_LIMITED BIND_LOCKED: too many mismatches; locked until a time
 */
import { timingSafeEqual } from 'node:crypto';
import type { bind } from '../../../src/contracts/identity.contract';
import { electionDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { bindAttemptDoc, bindingDoc, idIndexDoc, voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { parseIdNumber } from '../../../src/domain/id-number';
import { err, ok } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import { findDocs, readDoc } from '../../runtime/documents';
import type { UseCase } from '../../runtime/dispatch';
import { keyedHash } from '../../security/keyed-hash';
import { linkOnBind } from '../membership/membership';
import { actorOf, requireOpenid } from '../shared/access';
import { electionSummary, voterView } from '../shared/election-view';
import { nameKey } from '../shared/name-key';
import { formatShanghaiTime } from '../shared/format';

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

type Outcome =
  | { kind: 'bound'; voterId: string }
  | { kind: 'alreadyBound' }
  | { kind: 'taken' }
  | { kind: 'mismatch'; remaining: number; lockedUntil: string | null }
  | { kind: 'locked'; lockedUntil: string };

export const bindVoter: UseCase<typeof bind> = async (input, ctx) => {
  const who = requireOpenid(ctx);
  if (!who.ok) return who;
  const openid = who.value;
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) return err('INVALID_INPUT', parsed.reason, parsed.message);

  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const { idHmacKey, bindMaxFailures, bindLockMinutes } = ctx.settings;
  const idHash = keyedHash(idHmacKey, 'id', parsed.value.normalized);
  const codeHash = keyedHash(idHmacKey, 'binding-code', input.bindingCode);

  // The person's entries by the blind index (a pending migrant holds no idIndex claim: only a
  // registered entry does); each candidate is re-read inside the transaction.
  const candidates = (await findDocs(ctx.store, 'voter', { idHash }, voterDoc, { limit: 20 })).map((v) => v._id);

  const outcome = await ctx.store.runTransaction<Outcome>(async (tx) => {
    const attempt = await readDoc(tx, 'bindAttempt', openid, bindAttemptDoc);
    if (attempt?.lockedUntil && attempt.lockedUntil > nowIso) return { kind: 'locked', lockedUntil: attempt.lockedUntil };
    if (await readDoc(tx, 'binding', openid, bindingDoc)) return { kind: 'alreadyBound' };

    const index = await readDoc(tx, 'idIndex', idHash, idIndexDoc);
    let voter = null;
    for (const id of new Set([...(index ? [index.voterId] : []), ...candidates])) {
      const v = await readDoc(tx, 'voter', id, voterDoc);
      if (v && v.idHash === idHash && v.nameKey === nameKey(input.name) && sameHash(v.bindingCodeHash, codeHash)) {
        voter = v;
        break;
      }
    }
    if (!voter) {
      // A stale lock that expired starts a fresh count.
      const failures = (attempt && !attempt.lockedUntil ? attempt.failures : 0) + 1;
      const lockedUntil = failures >= bindMaxFailures ? new Date(now.getTime() + bindLockMinutes * 60_000).toISOString() : null;
      await tx.set('bindAttempt', openid, { failures: lockedUntil ? 0 : failures, lockedUntil, lastAt: nowIso });
      return { kind: 'mismatch', remaining: bindMaxFailures - failures, lockedUntil };
    }
    if (voter.boundTo !== null && voter.boundTo !== openid) return { kind: 'taken' };

    await tx.set('binding', openid, { voterId: voter._id, electionId: voter.electionId, villageId: voter.villageId, boundAt: nowIso });
    await tx.update('voter', voter._id, { boundTo: openid, updatedAt: nowIso });
    if (attempt) await tx.remove('bindAttempt', openid);
    // A committee member of this village binding their own entry: RULES.md §2 needs the link.
    await linkOnBind(tx, { villageId: voter.villageId, openid, voterId: voter._id });
    await appendAudit(tx, { scope: voter.electionId, action: 'identity.bind', actor: actorOf(ctx), at: nowIso, subject: voter._id });
    return { kind: 'bound', voterId: voter._id };
  });

  switch (outcome.kind) {
    case 'locked':
      return err('RATE_LIMITED', 'BIND_LOCKED', `尝试次数太多，已暂时锁定，请在 ${formatShanghaiTime(outcome.lockedUntil)} 以后再试`);
    case 'alreadyBound':
      return err('CONFLICT', 'ALREADY_BOUND', '这个微信已经绑定了选民身份；如需更换，请先在“我的”里解除绑定');
    case 'taken':
      return err('CONFLICT', 'VOTER_TAKEN', '这条登记已经被另一个微信绑定了。如果不是您本人绑定的，请联系村选举委员会');
    case 'mismatch':
      return outcome.lockedUntil
        ? err('RATE_LIMITED', 'BIND_LOCKED', `姓名、身份证号码或绑定码不对，尝试次数太多，已暂时锁定，请在 ${formatShanghaiTime(outcome.lockedUntil)} 以后再试`)
        : err('NOT_FOUND', 'BIND_MISMATCH', `姓名、身份证号码或绑定码不对，请对照《选民登记告知书》核对。还可以再试 ${outcome.remaining} 次`);
    case 'bound': {
      const voter = await readDoc(ctx.store, 'voter', outcome.voterId, voterDoc);
      const election = voter && (await readDoc(ctx.store, 'election', voter.electionId, electionDoc));
      const village = voter && (await readDoc(ctx.store, 'village', voter.villageId, villageDoc));
      if (!voter || !election || !village) throw new Error('bound voter lost its election or village');
      return ok({ voter: voterView(voter, election, village.name), election: electionSummary(election, village, now) });
    }
  }
};
