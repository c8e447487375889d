/**
 * Upgrades voters' phones to sealed storage (RULES.md §7) and re-keys them after a phone-key
 * rotation. Idempotent; run by the local host at start and by `npm run migrate`.
 *
 * - sealed under a retired key (PHONE_KEYRING): opened and sealed again under PHONE_KEY;
 * - sealed under a key the deployment does not have: left untouched and counted (a missing
 *   PHONE_KEYRING entry must not destroy numbers that the right setting would open);
 * - stored before sealing, masked at import (138****5678): the hidden digits are gone, so it
 *   stays masked and is marked not callable (phoneSealed null); a re-import restores it;
 * - a clear number that slipped into the masked field: sealed, and masked in place.
 *
 * A run records the key it left the store under (meta/phoneMigration); a later start with the
 * same key skips the scan.
 */
import * as z from 'zod/mini';
import { voterDoc, type VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { maskPhone, normalizePhone } from '../../../src/domain/registration-row';
import type { Store } from '../../ports/store.port';
import { findAllDocs, type WithId } from '../../runtime/documents';
import { phoneBoxOf, type PhoneBox } from '../../security/phone-box';

export interface PhoneMigration {
  readonly examined: number;
  /** Sealed again under the current key. */
  readonly rekeyed: number;
  /** A clear number found in the masked field, now sealed and masked. */
  readonly sealed: number;
  /** Masked only: kept masked, marked not callable. */
  readonly maskedOnly: number;
  /** Sealed under a key this deployment does not have (check PHONE_KEYRING). */
  readonly unopenable: number;
  /** Nothing to do: the last run left the store under the current key. */
  readonly skipped: boolean;
}

const PHONE_MIGRATION_META = 'phoneMigration';
const metaDoc = z.object({ keyId: z.string(), at: z.string() });
const BATCH = 200;

type Step = { kind: 'rekeyed' | 'sealed' | 'maskedOnly' | 'unopenable' | 'none'; patch?: Partial<VoterDoc> };

function stepFor(v: WithId<VoterDoc>, box: PhoneBox): Step {
  if (v.phoneSealed) {
    const keyId = box.keyIdOf(v.phoneSealed);
    if (keyId === box.currentKeyId) return { kind: 'none' };
    const phone = box.open(v.phoneSealed, v.idHash);
    return phone === null ? { kind: 'unopenable' } : { kind: 'rekeyed', patch: { phoneSealed: box.seal(phone, v.idHash) } };
  }
  if (v.phoneMasked === null) return v.phoneSealed === undefined ? { kind: 'none', patch: { phoneSealed: null } } : { kind: 'none' };
  const clear = v.phoneMasked.includes('*') ? null : normalizePhone(v.phoneMasked);
  if (clear !== null) return { kind: 'sealed', patch: { phoneMasked: maskPhone(clear), phoneSealed: box.seal(clear, v.idHash) } };
  return v.phoneSealed === undefined ? { kind: 'maskedOnly', patch: { phoneSealed: null } } : { kind: 'maskedOnly' };
}

export async function migratePhones(store: Store, settings: { readonly phoneKey: string; readonly retiredPhoneKeys: readonly string[] }, at: string): Promise<PhoneMigration> {
  const box = phoneBoxOf(settings);
  const meta = await store.get('meta', PHONE_MIGRATION_META);
  const counts = { examined: 0, rekeyed: 0, sealed: 0, maskedOnly: 0, unopenable: 0 };
  if (meta && metaDoc.parse(meta).keyId === box.currentKeyId) return { ...counts, skipped: true };

  const voters = await findAllDocs(store, 'voter', {}, voterDoc);
  const patches: Array<{ id: string; patch: Partial<VoterDoc> }> = [];
  for (const v of voters) {
    counts.examined++;
    const step = stepFor(v, box);
    if (step.kind !== 'none') counts[step.kind]++;
    if (step.patch) patches.push({ id: v._id, patch: step.patch });
  }
  for (let i = 0; i < patches.length; i += BATCH) {
    const slice = patches.slice(i, i + BATCH);
    await store.runTransaction(async (tx) => {
      for (const p of slice) await tx.update('voter', p.id, { ...p.patch, updatedAt: at });
    });
  }
  // Unopenable phones keep the scan coming back until the keyring is fixed.
  if (counts.unopenable === 0) await store.set('meta', PHONE_MIGRATION_META, { keyId: box.currentKeyId, at });
  return { ...counts, skipped: false };
}

/** One line for the console, or null when nothing changed and nothing needs attention. */
export function phoneMigrationLine(m: PhoneMigration): string | null {
  if (m.skipped || m.rekeyed + m.sealed + m.maskedOnly + m.unopenable === 0) return null;
  const parts = [`电话号码：检查 ${m.examined} 条，换新密钥 ${m.rekeyed} 条，加密 ${m.sealed} 条`, `只有隐去数字形式、无法拨打 ${m.maskedOnly} 条`];
  if (m.unopenable) parts.push(`${m.unopenable} 条用本部署没有的密钥加密，请检查 PHONE_KEYRING`);
  return parts.join('，');
}
