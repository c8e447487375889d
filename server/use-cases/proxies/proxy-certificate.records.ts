/**
 * 委托投票证 — the certificate a proxy shows on election day. Its QR code carries the certificate
 * number, the authorization and an Ed25519 signature by the deployment key, so a clerk's phone
 * can tell a genuine certificate from a copy made up offline (identity.publicKeys publishes the
 * key); the server checks the same signature before issuing a ballot.
 *
 * Format: `CXTP1.{electionId}.{certificateNo}.{authorizationId}.{keyId}.{signature}`, the
 * signature over `CXTP1|{electionId}|{certificateNo}|{authorizationId}`.
 */
import type { Signer } from '../../ports/signer.port';

const VERSION = 'CXTP1';

export interface CertificateClaims {
  readonly electionId: string;
  readonly certificateNo: string;
  readonly authorizationId: string;
}

const signedText = (c: CertificateClaims) => `${VERSION}|${c.electionId}|${c.certificateNo}|${c.authorizationId}`;
const SAFE = /^[A-Za-z0-9_-]+$/;

/** 委托投票证 number: the election's approvals in order, e.g. W007. */
export const certificateNoOf = (seq: number): string => `W${String(seq).padStart(3, '0')}`;

/** meta id of the number → authorization index (ProxyCertificateIndexDoc). */
export const certificateIndexId = (electionId: string, certificateNo: string) => `proxyCertificate:${electionId}:${certificateNo}`;

/**
 * A number as a clerk types it from the paper (`W007`, `w007`, `7`, full-width digits) in its
 * printed form; null when the text is not a number (then it is a scanned QR payload).
 */
export function typedCertificateNo(text: string): string | null {
  const ascii = text.trim().replace(/[\uFF10-\uFF19\uFF37\uFF57]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const m = /^[Ww]?(\d{1,6})$/.exec(ascii);
  return m ? certificateNoOf(Number(m[1])) : null;
}

export function certificateQr(signer: Signer, c: CertificateClaims): string {
  for (const part of [c.electionId, c.certificateNo, c.authorizationId]) if (!SAFE.test(part)) throw new Error('certificate field outside the QR alphabet');
  return [VERSION, c.electionId, c.certificateNo, c.authorizationId, signer.keyId, signer.sign(signedText(c))].join('.');
}

/** The claims of a genuine certificate of this deployment's key; null for anything else. */
export function readCertificate(signer: Signer, qr: string): CertificateClaims | null {
  const parts = qr.trim().split('.');
  if (parts.length !== 6) return null;
  const [version, electionId, certificateNo, authorizationId, keyId, signature] = parts as [string, string, string, string, string, string];
  if (version !== VERSION || keyId !== signer.keyId) return null;
  const claims = { electionId, certificateNo, authorizationId };
  return signer.verify(signedText(claims), signature) ? claims : null;
}
