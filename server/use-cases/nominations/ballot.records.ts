/**
 * Writes one ballot — app or paper — in one transaction by id (ARCHITECTURE.md principle 7):
 *
 * - `nomination/{electionId}:{voterId}` is the voter's one ballot. A second submission of the
 *   same channel replaces it or is refused per preset (`nomination.resubmission`); a paper and an
 *   app ballot for one voter can never both exist, because both are that same document.
 * - `receipt/{code}` maps the receipt code to the ballot.
 * - The audit entry holds the canonical content and its hash, so the recount can rebuild the
 *   tally from the audit log alone and each version stays on record.
 * - `nominationCount/{electionId}:{shard}` moves from the replaced version to this one
 *   (nomination-count.records.ts): closing sums the shards instead of reading every ballot.
 *   A shard closing has frozen (`closedAt`) refuses the ballot: WINDOW_CLOSED CLOSED (app) or
 *   NOMINATIONS_CLOSED (paper).
 * Contention is one voter's own ballot and one of the election's count shards (a hash of the
 * ballot id): no document that every ballot writes.
 */
import type { ErrorCode } from '../../../src/contracts/envelope';
import { nominationDoc, receiptDoc, type NominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { err, ok, type Result } from '../../../src/domain/result';
import { appendAudit } from '../../audit/audit-log';
import type { CallContext } from '../../runtime/context';
import { readDoc, type WithId } from '../../runtime/documents';
import { normalNames, signBallot, type BallotContent } from './ballot-receipt.records';
import { nominationId } from './nomination-scope.policy';
import { countBallotChange, readCountShard } from './nomination-count.records';

export const SUBMIT_ACTION = 'nominations.submit';

/** A paper ballot after the committee closed the count (enterPaperNomination checks first; recordBallot again in its transaction). */
export const paperAfterClose = () => err('WINDOW_CLOSED', 'NOMINATIONS_CLOSED', '提名已经结束计票，不能再录入');
export const PAPER_ACTION = 'committee.enterPaperNomination';

export interface BallotWrite {
  readonly content: BallotContent;
  readonly villageId: string;
  readonly signature: NominationDoc['signature'];
  readonly paper: NominationDoc['paper'];
  readonly actor: string;
  readonly resubmission: 'replace' | 'reject';
}

export interface Recorded {
  readonly ballot: WithId<NominationDoc>;
  readonly replaced: boolean;
}

function refusal(prev: NominationDoc, w: BallotWrite): Result<never, ErrorCode> | null {
  if (prev.channel !== w.content.channel) {
    return w.content.channel === 'app'
      ? err('CONFLICT', 'PAPER_BALLOT_EXISTS', '选举委员会已经为您录入了纸质提名票，一个人只能提名一次')
      : err('CONFLICT', 'DIGITAL_BALLOT_EXISTS', '这位选民已经在手机上提交了提名票，不能再录入纸质票');
  }
  if (w.content.channel === 'paper') return err('CONFLICT', 'ALREADY_SUBMITTED', '这位选民的纸质提名票已经录入过了');
  if (w.resubmission === 'reject') return err('CONFLICT', 'ALREADY_SUBMITTED', '您已经提交过提名票，按本地规定不能再改');
  return null;
}

export function recordBallot(ctx: CallContext, w: BallotWrite): Promise<Result<Recorded, ErrorCode>> {
  const { content } = w;
  const id = nominationId(content.electionId, content.voterId);
  const signed = signBallot(content, ctx.signer);
  return ctx.store.runTransaction(async (tx): Promise<Result<Recorded, ErrorCode>> => {
    // The three reads at once: the transaction stays as short as one read, so one voter's
    // simultaneous submissions (and ballots sharing a count shard) overlap, and conflict, less.
    const [prev, shard, clash] = await Promise.all([readDoc(tx, 'nomination', id, nominationDoc), readCountShard(tx, id, content.electionId), readDoc(tx, 'receipt', signed.code, receiptDoc)]);
    // Closing froze the count in this shard (freezeShards): nothing may land after it.
    if (shard?.closedAt) {
      return content.channel === 'app' ? err('WINDOW_CLOSED', 'CLOSED', '提名已经结束，不能再提交') : paperAfterClose();
    }
    const refused = prev ? refusal(prev, w) : null;
    if (refused) return refused;
    // 60 bits of the hash: a clash with another ballot is a fault to report, never to overwrite.
    if (clash && clash.ballotId !== id) throw new Error('receipt code collision');
    const version = (prev?.version ?? 0) + 1;
    const ballot: NominationDoc = {
      electionId: content.electionId,
      villageId: w.villageId,
      voterId: content.voterId,
      channel: content.channel,
      valid: content.valid,
      names: normalNames(content.names),
      signature: w.signature,
      paper: w.paper,
      submittedAt: content.submittedAt,
      hash: signed.hash,
      keyId: signed.keyId,
      sig: signed.sig,
      code: signed.code,
      version,
    };
    await tx.set('nomination', id, ballot);
    await countBallotChange(tx, id, content.electionId, shard, prev, ballot);
    await tx.set('receipt', signed.code, { electionId: content.electionId, ballotId: id, hash: signed.hash, version, issuedAt: content.submittedAt });
    await appendAudit(tx, {
      scope: content.electionId,
      action: content.channel === 'app' ? SUBMIT_ACTION : PAPER_ACTION,
      actor: w.actor,
      at: content.submittedAt,
      subject: id,
      data: {
        hash: signed.hash,
        version,
        replaces: prev?.hash ?? null,
        channel: content.channel,
        valid: content.valid,
        names: ballot.names,
        signatureDigest: content.signatureDigest,
        scanRef: content.scanRef,
      },
    });
    return ok({ ballot: { ...ballot, _id: id }, replaced: prev !== null });
  });
}
