/**
 * oracle: every action that accepts an ID number (found from the contracts: an `idNumber` field
 * in its executed example), called by callers who have not proven that number — an unbound
 * WeChat user (a fresh one per call, so no per-user limit colours a side) and a voter bound in
 * another village — with numbers on village A's roll and valid numbers on no roll. The replies
 * (ok, code, reason, message, field names, the shape of the data) must be the same multiset on
 * both sides. Counted: compared replies; a group whose two sides differ fails all its replies.
 * Timing is reported (median and 90th percentile per side), never asserted.
 */
import { runApiExamples } from '../../server/docs/api-examples';
import { seededRandom } from '../../server/security/keyed-hash';
import { syntheticIdNumber } from '../../server/seed/synthetic-people';
import type { CheckResult, Profile } from './profile';
import type { PiiLedger } from './pii-scan';
import { CALLERS, makeWorld } from './world';

function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, shape(x)]));
  return typeof v;
}

function signature(reply: Record<string, unknown>): string {
  const { ok, code, reason, message, fields, data } = reply;
  return JSON.stringify({ ok, code, reason, message, fields: fields ? Object.keys(fields as object).sort() : undefined, data: shape(data) });
}

const tally = (xs: readonly string[]) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

export async function oracleCheck(profile: Profile, ledger: PiiLedger): Promise<CheckResult> {
  const examples = (await runApiExamples()).filter((e) => typeof e.event.idNumber === 'string');
  const w = await makeWorld(ledger, { voters: Math.min(profile.oracleNumbers, 60) });
  // Objections need a published list; an objection names the number in two ways.
  await w.t.ok('committee', { action: 'publishVoterList', electionId: w.a.electionId }, CALLERS.clerkA);
  const details = '此人户籍在本村，一直在村里居住，名单上漏登了';
  const byAction = new Map<string, { fn: string; make: (idNumber: string) => Record<string, unknown> }>([
    ...examples.map((e) => [`${e.fn}.${e.action}`, { fn: e.fn, make: (idNumber: string) => ({ ...e.event, idNumber, ...('electionId' in e.event ? { electionId: w.a.electionId } : {}) }) }] as const),
    ['registration.fileObjection (someone)', { fn: 'registration', make: (idNumber) => ({ action: 'fileObjection', kind: 'missingPerson', name: '李建华', group: '第一村民小组', idNumber, details }) }],
    [
      'registration.fileObjection (me, identified)',
      { fn: 'registration', make: (idNumber) => ({ action: 'fileObjection', kind: 'missingPerson', about: 'me', details, identity: { electionId: w.a.electionId, name: '周明华', idNumber, group: '第一村民小组', consent: true } }) },
    ],
  ]);
  const rng = seededRandom(profile.seed);
  const onRoll = Array.from({ length: profile.oracleNumbers }, (_, i) => w.a.voters[i % w.a.voters.length]!.idNumber);
  const offRoll = Array.from({ length: profile.oracleNumbers }, (_, i) => syntheticIdNumber(rng, `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, i % 2 ? 'F' : 'M'));
  const findings: string[] = [];
  const figures: string[] = [];
  let passed = 0;
  let failed = 0;
  let n = 0;
  try {
    for (const [key, e] of byAction) {
      for (const caller of ['unbound', 'voterOfB'] as const) {
        const sides = { on: [] as string[], off: [] as string[] };
        const ms = { on: [] as number[], off: [] as number[] };
        for (let i = 0; i < profile.oracleNumbers; i++) {
          for (const side of ['on', 'off'] as const) {
            const idNumber = (side === 'on' ? onRoll : offRoll)[i]!;
            const event = e.make(idNumber);
            const openid = caller === 'unbound' ? `ot-oracle-${++n}` : CALLERS.voterB;
            const t = performance.now();
            const { reply } = await w.call(e.fn, event, openid);
            ms[side].push(performance.now() - t);
            sides[side].push(signature(reply as Record<string, unknown>));
          }
        }
        const on = tally(sides.on);
        const off = tally(sides.off);
        const same = on.size === off.size && [...on].every(([k, v]) => off.get(k) === v);
        if (same) passed += sides.on.length + sides.off.length;
        else {
          failed += sides.on.length + sides.off.length;
          const brief = (m: Map<string, number>) => [...m].map(([k, v]) => `${(JSON.parse(k) as { code?: string; reason?: string; ok: boolean }).ok ? 'ok' : `${(JSON.parse(k) as { code: string }).code} ${(JSON.parse(k) as { reason?: string }).reason ?? ''}`.trim()} ×${v}`).join(', ');
          findings.push(`${key} from ${caller}: on-roll → ${brief(on)}; off-roll → ${brief(off)}`);
        }
        const f = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(2)} ms, p90 ${quantile(xs, 0.9).toFixed(2)} ms`;
        figures.push(`${key} from ${caller}: on-roll ${f(ms.on)}; off-roll ${f(ms.off)}`);
      }
    }
  } finally {
    await w.close();
  }
  return { name: 'oracle', passed, failed, note: `${byAction.size} actions taking an ID number × 2 unproven callers × ${profile.oracleNumbers} numbers per side`, findings, figures };
}
