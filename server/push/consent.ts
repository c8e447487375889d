/**
 * One-time subscribe consents (一次性订阅消息): WeChat lets a mini-program send one message per
 * tap on 允许, per template. `consent/{openid}:{templateId}` counts the taps not yet spent, so
 * the app knows how many pushes it still owes each villager and never sends without one.
 */
import { consentDoc, type ConsentDoc } from '../../src/contracts/documents/push-documents.schema';
import type { ConsentGrant } from '../ports/push.port';
import type { Store, TxOps } from '../ports/store.port';
import { findAllDocs, findDocs, readDoc, type WithId } from '../runtime/documents';
import { groupBy } from '../runtime/group-by';

/** More unspent consents than anyone could need: a client looping on subscribe cannot inflate it further. */
export const MAX_UNUSED_CONSENTS = 100;

export const consentId = (openid: string, templateId: string): string => `${openid}:${templateId}`;

export function consentsOf(store: Store, openid: string): Promise<WithId<ConsentDoc>[]> {
  return findDocs(store, 'consent', { openid }, consentDoc, { limit: 50, orderBy: { field: 'templateId', direction: 'asc' } });
}

/**
 * Consents of many users at once, for preparing a push: those recorded while bound to this
 * election in one paged query, the rest (recorded under an earlier binding) one by one.
 */
export async function consentsByOpenid(store: Store, electionId: string, openids: readonly string[]): Promise<Map<string, ConsentDoc[]>> {
  const out: Map<string, ConsentDoc[]> = groupBy(await findAllDocs(store, 'consent', { electionId }, consentDoc), (c) => c.openid);
  const wanted = new Set(openids);
  for (const key of [...out.keys()]) if (!wanted.has(key)) out.delete(key);
  const missing = openids.filter((o) => !out.has(o));
  const found = await Promise.all(missing.map((o) => consentsOf(store, o)));
  missing.forEach((o, i) => out.set(o, found[i] ?? []));
  for (const list of out.values()) list.sort((a, b) => (a.templateId < b.templateId ? -1 : a.templateId > b.templateId ? 1 : 0));
  return out;
}

/** Pushes still owed to this WeChat user (unspent consents over every template). */
export async function pushesOwed(store: Store, openid: string): Promise<number> {
  return (await consentsOf(store, openid)).reduce((n, c) => n + c.unused, 0);
}

/** The template a push to this user will use: the first (by id) with an unspent consent. */
export function templateWithConsent(consents: readonly ConsentDoc[]): string | null {
  return consents.find((c) => c.unused > 0)?.templateId ?? null;
}

/**
 * Spends one consent of `openid` for `templateId` inside the caller's transaction (the one that
 * claims the delivery): false when none is left, and then nothing may be sent. For single
 * pushes outside a notice job (e.g. an objection's decision to its objector).
 */
export async function spendConsent(tx: TxOps, openid: string, templateId: string, at: string): Promise<boolean> {
  const c = await readDoc(tx, 'consent', consentId(openid, templateId), consentDoc);
  if (!c || c.unused < 1) return false;
  await tx.set('consent', c._id, { ...c, unused: c.unused - 1, used: c.used + 1, lastUsedAt: at });
  return true;
}

/** Gives back a consent spent by spendConsent when the send proved that nothing went out. */
export async function refundSpentConsent(tx: TxOps, openid: string, templateId: string): Promise<void> {
  const c = await readDoc(tx, 'consent', consentId(openid, templateId), consentDoc);
  if (c) await tx.set('consent', c._id, { ...c, unused: Math.min(MAX_UNUSED_CONSENTS, c.unused + 1), used: Math.max(0, c.used - 1) });
}

/**
 * Records one tap on 允许 per accepted template (notices.subscribe) inside the caller's
 * transaction, capped at MAX_UNUSED_CONSENTS; a grant without a voter or election keeps the ones
 * the consent already names.
 */
export async function grantConsents(tx: TxOps, grant: ConsentGrant, at: string): Promise<void> {
  const { openid } = grant;
  for (const templateId of grant.templateIds) {
    const id = consentId(openid, templateId);
    const c = await readDoc(tx, 'consent', id, consentDoc);
    const doc: ConsentDoc = {
      openid,
      templateId,
      unused: Math.min(MAX_UNUSED_CONSENTS, (c?.unused ?? 0) + 1),
      granted: (c?.granted ?? 0) + 1,
      used: c?.used ?? 0,
      voterId: grant.voterId ?? c?.voterId ?? null,
      electionId: grant.electionId ?? c?.electionId ?? null,
      lastGrantedAt: at,
      lastUsedAt: c?.lastUsedAt ?? null,
    };
    await tx.set('consent', id, doc);
  }
}
