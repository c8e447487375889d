/**
 * nominations.verifyReceipt — 核验回执 (anyone): recomputes the canonical form of the ballot the
 * code points to from what is stored now, checks it against the receipt's hash and the
 * deployment's signature, and checks the stored signature strokes against their digest; any
 * edited record fails. It says what the ballot covers — the election, the time, how many names
 * per post, never whom — and, after the count is closed, the Merkle path from the ballot's hash
 * to the root printed on the candidate notice.
 *
 * Outcomes:
 * - ok: `valid` true with covers, receipt and (after close) inclusion; or `valid` false with the
 *   problem (replaced by a later ballot, altered record, signature file changed, not in the count)
 * - NOT_FOUND NO_SUCH_RECEIPT (not a code, or no such receipt)
 */
import type { verifyReceipt } from '../../../src/contracts/nomination.contract';
import { merkleChunkDoc, nominationDoc, receiptDoc, type NominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import { electionDoc, villageDoc } from '../../../src/contracts/documents/election-documents.schema';
import { POST_LABELS, POST_ORDER } from '../../../src/domain/nomination-ballot';
import { err, ok } from '../../../src/domain/result';
import { inclusionPath, chunkIndexFor } from '../../audit/merkle-tree';
import type { CallContext } from '../../runtime/context';
import type { UseCase } from '../../runtime/dispatch';
import { readDoc } from '../../runtime/documents';
import { normalizeReceiptCode, storedBallotHash } from './ballot-receipt.records';
import { readClose } from './candidate-selection.view';
import { merkleChunkId } from './nomination-scope.policy';
import { storedSignatureDigest } from '../shared/signature-file.records';

const refused = (problem: string) => ok({ valid: false, problem, covers: null, receipt: null, inclusion: null });

/** Why the stored ballot no longer matches what was signed, or null when it does. */
async function alteration(ctx: CallContext, b: NominationDoc, signedHash: string): Promise<string | null> {
  const hash = storedBallotHash(b);
  if (hash !== signedHash || b.hash !== signedHash) return '提名票的记录与回执不一致，记录可能被改动过，请立即告诉乡镇';
  if (b.keyId !== ctx.signer.keyId || !ctx.signer.verify(hash, b.sig)) return '回执的签名核验不通过，请立即告诉乡镇';
  if (b.signature && (await storedSignatureDigest(ctx, b.signature.fileId)) !== b.signature.digest) return '手写签名的存档与提名票不一致，请立即告诉乡镇';
  return null;
}

async function inclusionOf(ctx: CallContext, electionId: string, hash: string) {
  const close = await readClose(ctx.store, electionId);
  // Frozen but not sealed yet (a close call cut off between the two): no root to prove against.
  const merkle = close?.merkle;
  if (!merkle) return { closed: false, inclusion: null };
  const index = chunkIndexFor(merkle.chunkFirsts, hash);
  const chunk = await readDoc(ctx.store, 'meta', merkleChunkId(electionId, index), merkleChunkDoc);
  const found = chunk ? inclusionPath(hash, chunk.leaves, index, merkle.chunkSize, merkle.chunkRoots) : null;
  return { closed: true, inclusion: found ? { root: merkle.root, ...found } : null };
}

export const verifyReceiptUseCase: UseCase<typeof verifyReceipt> = async (input, ctx) => {
  const code = normalizeReceiptCode(input.code);
  const receipt = code ? await readDoc(ctx.store, 'receipt', code, receiptDoc) : null;
  if (!receipt) return err('NOT_FOUND', 'NO_SUCH_RECEIPT', '没有找到这个回执编号，请核对后再输入');
  const ballot = await readDoc(ctx.store, 'nomination', receipt.ballotId, nominationDoc);
  if (!ballot) return refused('这张回执对应的提名票不在记录中，请立即告诉乡镇');
  if (ballot.version !== receipt.version) return refused('这张回执对应的提名票已被本人后来提交的提名票替换，以最新的回执为准');
  const problem = await alteration(ctx, ballot, receipt.hash);
  if (problem) return refused(problem);
  const [election, { closed, inclusion }] = await Promise.all([readDoc(ctx.store, 'election', ballot.electionId, electionDoc), inclusionOf(ctx, ballot.electionId, ballot.hash)]);
  const village = election ? await readDoc(ctx.store, 'village', election.villageId, villageDoc) : null;
  if (closed && ballot.valid && !inclusion) return refused('提名已结束计票，但这张提名票不在计票中，请立即告诉乡镇');
  return ok({
    valid: true,
    problem: null,
    covers: {
      electionTitle: election?.title ?? '',
      villageName: village?.name ?? '',
      submittedAt: ballot.submittedAt,
      postsNamed: POST_ORDER.filter((p) => ballot.names[p]?.length).map((p) => ({ label: POST_LABELS[p], count: ballot.names[p]!.length })),
    },
    receipt: { code: ballot.code, hash: ballot.hash, keyId: ballot.keyId, signature: ballot.sig, submittedAt: ballot.submittedAt },
    inclusion,
  });
};
