/**
 * Audit log types (PRODUCT.md "Nothing lost, everything traceable"): every state change
 * writes one entry inside the transaction that makes the change; a chain writer later links
 * the entries of a scope into a hash chain and signs its head (docs/decisions/0001-audit-chain.md).
 * Implementation: server/audit/.
 */

/** An election id, `village:<villageId>`, or `township`. */
export type AuditScope = string;

export interface AuditEntry {
  readonly scope: AuditScope;
  /** `<function>.<action>`, e.g. `identity.bind`. */
  readonly action: string;
  /** Who acted: a keyed hash of the openid (`wx:…`), a role, or `system` — never raw PII. */
  readonly actor: string;
  /** ISO instant from the Clock port. */
  readonly at: string;
  /** What was acted on: a document id, never a name or ID number. */
  readonly subject?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** `auditPending/{scope}:{at}:{uuid}`: an entry written by its transaction, not linked yet. */
export type AuditPending = AuditEntry;

/** The linked form: `audit/{scope}:{seq padded to 10}`. */
export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * `auditHead/{scope}`: the last link, written only by the chain writer that holds its lease
 * (never by the audited transactions themselves).
 */
export interface AuditHead {
  readonly scope: AuditScope;
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  /** Random token of the chain writer holding the lease, null when free. */
  readonly leaseOwner?: string | null;
  readonly leaseUntil?: string | null;
  /**
   * The last numbered checkpoint of the scope (its number and the seq it signs), written with
   * that checkpoint: a deleted last checkpoint is named. Absent on heads linked before
   * checkpoints were numbered, and until the first numbered checkpoint.
   */
  readonly lastCheckpoint?: { readonly n: number; readonly seq: number } | null;
}

/** `auditCheckpoint/{scope}:{seq padded}`: the chain head at `seq`, signed with the deployment key. */
export interface AuditCheckpoint {
  readonly scope: AuditScope;
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
  /** Ed25519 over checkpointPayload(...) (server/audit/audit-checkpoint.ts), base64url. */
  readonly signature: string;
  /**
   * Numbering (absent on checkpoints signed before it existed): `n` counts the scope's numbered
   * checkpoints from 1 without gaps, `prevSeq` is the seq of the checkpoint before (0 for none),
   * and `linkSignature` signs both with the rest (checkpointLinkPayload), so a deleted checkpoint
   * is named by the one after it. Kept apart from `signature`, which readers of a notice check.
   */
  readonly n?: number;
  readonly prevSeq?: number;
  readonly linkSignature?: string;
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly length: number;
      readonly head: string;
      readonly checkpoints: number;
      readonly pending: number;
    }
  | {
      readonly ok: false;
      readonly brokenAtSeq: number;
      /** The record at fault, e.g. `audit/e1:0000000003` or `auditCheckpoint/e1:0000000009`. */
      readonly record: string;
      readonly why: string;
    };
