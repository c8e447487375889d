/**
 * Signer port: receipts and exports are signed with the deployment key so anyone holding the
 * published public key can check that a receipt is genuine (PRODUCT.md "Nothing lost,
 * everything traceable").
 */
export interface Signer {
  /** Short, stable identifier of the key (derived from the public key), printed on receipts. */
  readonly keyId: string;
  /** Detached signature of `payload` (strings are signed as their UTF-8 bytes), base64url. */
  sign(payload: Uint8Array | string): string;
  /** True only for a well-formed signature by this key over exactly `payload`; never throws. */
  verify(payload: Uint8Array | string, signature: string): boolean;
  /** SPKI PEM of the public key, for publication. */
  readonly publicKeyPem: string;
}
