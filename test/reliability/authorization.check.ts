/**
 * authorization: every committee and township action, with a valid event aimed at village A
 * (the executed example of docs/api.md, its ids moved onto this world's village A), from every
 * wrong identity — unbound, a voter of A, a voter of B, B's committee, A's revoked member, and
 * the township administrator on committee actions (or A's committee on township actions) — must
 * be refused and write nothing. The rightful caller then sends the same events: the share it
 * gets past the door is reported, so a row refused only for a stale id is visible.
 */
import { runApiExamples, type ExecutedExample } from '../../server/docs/api-examples';
import { allContracts, faultOf } from './fuzz.check';
import type { CheckResult } from './profile';
import type { PiiLedger } from './pii-scan';
import { CALLERS, makeWorld, type World } from './world';

const WRONG_FOR_COMMITTEE = ['stranger', 'voterA', 'voterB', 'clerkB', 'revokedA', 'township'] as const;
const WRONG_FOR_TOWNSHIP = ['stranger', 'voterA', 'voterB', 'clerkA', 'clerkB', 'revokedA'] as const;

/** The example's event with its village, election and voter ids replaced by village A's. */
function aimedAtA(e: ExecutedExample, w: World): Record<string, unknown> {
  const ids: Record<string, string> = { villageId: w.a.villageId, electionId: w.a.electionId, voterId: w.a.voters[2]!.id };
  return Object.fromEntries(Object.entries(e.event).map(([k, v]) => [k, typeof v === 'string' && ids[k] ? ids[k] : v]));
}

function exampleEvents(examples: readonly ExecutedExample[]): Map<string, ExecutedExample> {
  const byAction = new Map<string, ExecutedExample>();
  for (const e of examples) {
    const key = `${e.fn}.${e.action}`;
    // The first accepted example: its event is one the rightful caller may send.
    if (!byAction.has(key) || (!byAction.get(key)!.reply.ok && e.reply.ok)) byAction.set(key, e);
  }
  return byAction;
}

export async function authorizationCheck(_profile: unknown, ledger: PiiLedger): Promise<CheckResult> {
  const examples = exampleEvents(await runApiExamples());
  const w = await makeWorld(ledger);
  const findings: string[] = [];
  const codes = new Map<string, number>();
  let passed = 0;
  let failed = 0;
  let reachable = 0;
  const guarded = allContracts().filter((c) => c.who === 'committee' || c.who === 'township');
  try {
    const rows: { key: string; fn: string; event: Record<string, unknown>; rightful: string }[] = [];
    for (const c of guarded) {
      const key = `${c.fn}.${c.action}`;
      const example = examples.get(key);
      if (!example) {
        failed += 1;
        findings.push(`${key}: no executed example to aim at village A (server/docs/*-examples.ts)`);
        continue;
      }
      const event = aimedAtA(example, w);
      const rightful = c.who === 'township' ? CALLERS.township : CALLERS.clerkA;
      rows.push({ key, fn: c.fn, event, rightful });
      for (const who of c.who === 'township' ? WRONG_FOR_TOWNSHIP : WRONG_FOR_COMMITTEE) {
        const { reply, writes } = await w.call(c.fn, event, CALLERS[who]);
        const fault = reply.ok ? 'accepted' : faultOf(reply, writes);
        if (!reply.ok) codes.set(reply.code, (codes.get(reply.code) ?? 0) + 1);
        if (fault === null) passed += 1;
        else {
          failed += 1;
          findings.push(`${key} as ${who}: ${fault}${reply.ok ? '' : ` (${reply.code} ${reply.reason ?? ''})`}`);
        }
      }
    }
    // The control, after every wrong call (those wrote nothing, so the order does not matter).
    for (const r of rows) {
      const { reply } = await w.call(r.fn, r.event, r.rightful);
      if (reply.ok || !['NOT_FOUND', 'INVALID_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED'].includes(reply.code)) reachable += 1;
    }
    const figures = [
      `refusal codes: ${[...codes.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `rightful caller got past the door on ${reachable} of ${rows.length} of the same events (the rest name an object this world lacks)`,
    ];
    return { name: 'authorization', passed, failed, note: `${guarded.length} committee and township actions × 6 wrong identities`, findings, figures };
  } finally {
    await w.close();
  }
}
