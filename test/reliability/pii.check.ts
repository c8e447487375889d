/**
 * personal data: first feeds ID and phone numbers — in clear and in the obfuscated forms people
 * use (dots, spaces, full-width digits, zero-width characters, full-width commas) — into every
 * free-text field of the actions that take one, and phones into a roll import; then reports what
 * the ledger found in everything the suite saw: every reply, every log line, the database files
 * of every store and data directory the other checks used (pii-scan.ts says what counts).
 * Runs last. Counted: texts scanned without a hit, and hits.
 */
import { runApiExamples, type ExecutedExample } from '../../server/docs/api-examples';
import { idCheckChar } from '../../src/domain/id-number';
import type { CheckResult } from './profile';
import type { PiiLedger } from './pii-scan';
import { CALLERS, makeWorld, type World } from './world';

const ID17 = '99010119800101123';
const ID = ID17 + idCheckChar(ID17);
const PHONE = '13912345678';
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** One clear and five obfuscated forms of each number (issue 10: the guard missed 5 of 5). */
export const OBFUSCATED = [
  PHONE,
  '139.1234.5678',
  '139 1234 5678',
  fullWidth(PHONE),
  '139\u200b1234\u200b5678',
  '139，1234，5678',
  ID,
  `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`,
  fullWidth(ID),
  ID.split('').join('\u200b'),
] as const;

const FREE_TEXT = new Set(['title', 'body', 'details', 'livesIn', 'reason', 'note', 'text', 'comment', 'statement']);
const FED = ['committee.publishNotice', 'registration.fileObjection', 'registration.declareParticipation', 'registration.applyResidence', 'committee.decideObjection', 'committee.setVoterStatus', 'nominations.submit'];

function withNumber(event: Record<string, unknown>, form: string): Record<string, unknown> | null {
  let touched = false;
  const out = Object.fromEntries(
    Object.entries(event).map(([k, v]) => {
      if (typeof v === 'string' && FREE_TEXT.has(k)) {
        touched = true;
        return [k, `请联系${form}办理`];
      }
      return [k, v];
    }),
  );
  return touched ? out : null;
}

const ids = (w: World): Record<string, string> => ({ villageId: w.a.villageId, electionId: w.a.electionId, voterId: w.a.voters[3]!.id });
const aim = (e: ExecutedExample, w: World) => Object.fromEntries(Object.entries(e.event).map(([k, v]) => [k, typeof v === 'string' && ids(w)[k] ? ids(w)[k] : v]));

async function feed(w: World): Promise<{ sent: number; accepted: string[] }> {
  const accepted: string[] = [];
  const examples = await runApiExamples();
  let sent = 0;
  for (const key of FED) {
    const e = examples.find((x) => `${x.fn}.${x.action}` === key && x.reply.ok) ?? examples.find((x) => `${x.fn}.${x.action}` === key);
    if (!e) continue;
    const caller = e.fn === 'committee' ? CALLERS.clerkA : CALLERS.voterA;
    for (const form of OBFUSCATED) {
      const event = withNumber(aim(e, w), form);
      if (!event) break;
      const { reply } = await w.call(e.fn, event, caller);
      sent += 1;
      accepted.push(`${key} ${reply.ok ? 'ok' : `${reply.code} ${reply.reason ?? ''}`}`);
    }
  }
  for (const form of OBFUSCATED) {
    const event = { action: 'publishNotice', electionId: w.a.electionId, type: 'freeText', title: `联系电话${form}`, body: `有事请联系${form}，身份证号${form}` };
    const { reply } = await w.call('committee', event, CALLERS.clerkA);
    sent += 1;
    accepted.push(`committee.publishNotice freeText ${reply.ok ? 'ok' : `${reply.code} ${reply.reason ?? ''}`}`);
  }
  const rows = OBFUSCATED.map((form, i) => ({ row: i + 2, name: '周明华', idNumber: ID, group: '第一村民小组', category: 'A', phone: form, note: `电话${form}` }));
  const { reply } = await w.call('committee', { action: 'importRoll', electionId: w.a.electionId, rows }, CALLERS.clerkA);
  accepted.push(`committee.importRoll ${reply.ok ? 'ok' : `${reply.code} ${reply.reason ?? ''}`}`);
  return { sent: sent + 1, accepted };
}

export async function piiCheck(_profile: unknown, ledger: PiiLedger): Promise<CheckResult> {
  const w = await makeWorld(ledger);
  let fed = { sent: 0, accepted: [] as string[] };
  try {
    fed = await feed(w);
  } finally {
    await w.close();
  }
  const kinds = new Map<string, number>();
  for (const h of ledger.hits) kinds.set(`${h.kind} in clear in ${h.source}: ${h.shown}`, (kinds.get(`${h.kind} in clear in ${h.source}: ${h.shown}`) ?? 0) + 1);
  const findings = [...kinds].map(([k, v]) => `${k} (×${v} of the first ${ledger.hits.length} hits)`);
  const note = `${ledger.scanned} texts scanned (${(ledger.bytes / 1e6).toFixed(1)} MB: replies, logs, database files), ${fed.sent} calls fed numbers`;
  const tally = new Map<string, number>();
  for (const a of fed.accepted) tally.set(a, (tally.get(a) ?? 0) + 1);
  const figures = [`replies to the fed calls: ${[...tally.entries()].map(([k, v]) => `${k.trim()} ×${v}`).join('; ')}`];
  return { name: 'pii', passed: ledger.scanned, failed: ledger.total, note, findings, figures };
}
