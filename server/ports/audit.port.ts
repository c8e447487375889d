/**
 * Audit log types (PRODUCT.md "Nothing lost, everything traceable"): every state change
 * appends one entry to a per-scope hash chain, inside the transaction that makes the change.
 * Implementation: server/audit/audit-log.ts.
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

/** The stored form: `audit/{scope}:{seq padded to 10}`. */
export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** `auditHead/{scope}`: the last link, read and moved by every append. */
export interface AuditHead {
  readonly scope: AuditScope;
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
}

export type AuditVerification =
  | { readonly ok: true; readonly length: number; readonly head: string }
  | { readonly ok: false; readonly brokenAtSeq: number; readonly why: string };
