/**
 * The canonical form of a nomination ballot, its hash, the deployment's signature over it and
 * the short receipt code derived from the hash. verifyReceipt and the offline verifier
 * (scripts/receipt-verify.ts) recompute exactly this, so any edit of a stored ballot — a name,
 * the time, the signature strokes' digest, the paper/app channel — changes the hash and the
 * signature no longer matches.
 */
import { createHash } from 'node:crypto';
import type { NominationDoc } from '../../../src/contracts/documents/nomination-documents.schema';
import type { BallotNames } from '../../../src/domain/nomination-ballot';
import { POST_ORDER } from '../../../src/domain/nomination-ballot';
import { canonicalJson } from '../../audit/canonical-json';
import type { Signer } from '../../ports/signer.port';

export interface BallotContent {
  readonly electionId: string;
  readonly voterId: string;
  readonly channel: 'app' | 'paper';
  readonly valid: boolean;
  readonly names: BallotNames;
  /** SHA-256 of the canonical strokes (app); null on paper. */
  readonly signatureDigest: string | null;
  /** The paper form's reference (paper); null in the app. */
  readonly scanRef: string | null;
  readonly submittedAt: string;
}

/** Names in post order, empty posts dropped: the same ballot always has one canonical form. */
export function normalNames(names: BallotNames): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const post of POST_ORDER) {
    const ids = names[post];
    if (ids && ids.length > 0) out[post] = [...ids];
  }
  return out;
}

export function canonicalBallot(c: BallotContent): string {
  return canonicalJson({
    v: 1,
    kind: 'nomination',
    electionId: c.electionId,
    voterId: c.voterId,
    channel: c.channel,
    valid: c.valid,
    names: normalNames(c.names),
    signatureDigest: c.signatureDigest,
    scanRef: c.scanRef,
    submittedAt: c.submittedAt,
  });
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const ballotHash = (c: BallotContent): string => sha256Hex(canonicalBallot(c));

/** The hash a stored ballot has now, computed from its fields as its receipt was. */
export const storedBallotHash = (b: NominationDoc): string =>
  ballotHash({ electionId: b.electionId, voterId: b.voterId, channel: b.channel, valid: b.valid, names: b.names, signatureDigest: b.signature?.digest ?? null, scanRef: b.paper?.scanRef ?? null, submittedAt: b.submittedAt });

/** Crockford base32: no I, L, O, U — easy to read out and type. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_CODE_LENGTH = 12;

/** The first 60 bits of the hash as 12 base32 characters, grouped `XXXX-XXXX-XXXX`. */
export function receiptCodeOf(hash: string): string {
  const bits = BigInt(`0x${hash.slice(0, 15)}`);
  let s = '';
  for (let i = RECEIPT_CODE_LENGTH - 1; i >= 0; i--) s += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** What a person typed → the stored code, or null when it cannot be one (O→0, I/L→1, separators ignored). */
export function normalizeReceiptCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s\-_.]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== RECEIPT_CODE_LENGTH || [...s].some((ch) => !CROCKFORD.includes(ch))) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export interface SignedBallot {
  readonly hash: string;
  readonly code: string;
  readonly keyId: string;
  readonly sig: string;
}

/** The deployment key signs the hash (hex string, as UTF-8): the receipt's `signature`. */
export function signBallot(c: BallotContent, signer: Signer): SignedBallot {
  const hash = ballotHash(c);
  return { hash, code: receiptCodeOf(hash), keyId: signer.keyId, sig: signer.sign(hash) };
}
