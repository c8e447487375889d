import * as z from 'zod/mini';
import { relationSchema, proxyStatusSchema } from '../proxy.schema';

/**
 * Stored documents of proxy voting (委托投票, RULES.md §4), checked on every read. The two limits
 * are documents that every competing transaction writes, addressed by id (ARCHITECTURE.md
 * principle 7): proxyLoad (one proxy's slots) and proxyPrincipal (one principal's authorization).
 */

/** A handwritten signature kept in private storage: its file and the SHA-256 of the stored JSON. */
export const storedSignature = z.object({ fileId: z.string(), sha256: z.string(), at: z.string() });
export type StoredSignature = z.infer<typeof storedSignature>;

/** proxy/{id} — one written authorization (书面委托) from its request to its use on election day. */
export const proxyDoc = z.object({
  electionId: z.string(),
  villageId: z.string(),
  principalVoterId: z.string(),
  proxyVoterId: z.string(),
  relation: relationSchema,
  awayPlace: z.string(),
  status: proxyStatusSchema,
  principalSignature: storedSignature,
  proxySignature: z.nullable(storedSignature),
  requestedAt: z.string(),
  answeredAt: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
  /** Stable code of why it ended (declined, rejected, voided), for figures; null otherwise. */
  reasonCode: z.nullable(z.string()),
  /** Plain Chinese: the committee's or proxy's reason, or why it was voided. */
  reason: z.nullable(z.string()),
  certificateNo: z.nullable(z.string()),
  certificateQr: z.nullable(z.string()),
  endedAt: z.nullable(z.string()),
  usedAt: z.nullable(z.string()),
});
export type ProxyDoc = z.infer<typeof proxyDoc>;

/**
 * proxyLoad/{electionId}:{proxyVoterId} — a proxy's slots. `holds`: accepted or approved
 * authorizations (never more than the preset's maximum); `pending`: requests awaiting the proxy's
 * answer (bounded); `formalCandidate`: set by the candidate hook, so an accept racing it conflicts.
 */
export const proxyLoadDoc = z.object({
  electionId: z.string(),
  proxyVoterId: z.string(),
  holds: z.array(z.string()),
  pending: z.array(z.string()),
  formalCandidate: z.boolean(),
  updatedAt: z.string(),
});
export type ProxyLoadDoc = z.infer<typeof proxyLoadDoc>;

/** proxyPrincipal/{electionId}:{principalVoterId} — the principal's one active authorization (null: none). */
export const proxyPrincipalDoc = z.object({ electionId: z.string(), principalVoterId: z.string(), active: z.nullable(z.string()), updatedAt: z.string() });
export type ProxyPrincipalDoc = z.infer<typeof proxyPrincipalDoc>;

/**
 * ballotIssue/{electionId}:{voterId} — election-day check-in of one voter's ballot: in person,
 * or by their proxy on a certificate. Written once: the second comer is refused.
 */
export const ballotIssueDoc = z.object({
  electionId: z.string(),
  voterId: z.string(),
  kind: z.enum(['inPerson', 'proxyBallot']),
  authorizationId: z.nullable(z.string()),
  outcome: z.enum(['recorded', 'proxyVoided', 'ballotIssued']),
  at: z.string(),
});
export type BallotIssueDoc = z.infer<typeof ballotIssueDoc>;

/**
 * meta/proxyCertificate:{electionId}:{certificateNo} — which authorization a 委托投票证 number
 * belongs to, written with the approval, so a clerk can type the printed number when the QR code
 * will not scan (worn paper, a phone without a camera) and the lookup stays a read by id.
 */
export const proxyCertificateIndexDoc = z.object({ electionId: z.string(), certificateNo: z.string(), authorizationId: z.string() });
export type ProxyCertificateIndexDoc = z.infer<typeof proxyCertificateIndexDoc>;
