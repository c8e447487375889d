/**
 * identity.publicKeys — the deployment's public signing keys by key id, the current one first:
 * an observer checks a notice's 存证 or a receipt with nothing else (the keys are public).
 *
 * Outcomes: always ok.
 */
import type { publicKeys } from '../../../src/contracts/identity.contract';
import { ok } from '../../../src/domain/result';
import { createKeyring } from '../../adapters/crypto/ed25519.keyring';
import type { UseCase } from '../../runtime/dispatch';

export const listPublicKeysUseCase: UseCase<typeof publicKeys> = async (_input, ctx) => {
  const keyring = createKeyring(ctx.signer, ctx.settings.retiredPublicKeys);
  const keys = [...keyring.keys].map(([keyId, pem]) => ({ keyId, current: keyId === keyring.currentKeyId, pem }));
  keys.sort((a, b) => Number(b.current) - Number(a.current) || (a.keyId < b.keyId ? -1 : 1));
  return ok({ currentKeyId: keyring.currentKeyId, keys });
};
