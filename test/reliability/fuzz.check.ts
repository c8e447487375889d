/**
 * fuzz: per action, malformed events (fuzz-mutations.ts) from the caller the action is meant for
 * — so a nasty the contract lets through reaches the use case — must each get a typed error
 * envelope, never INTERNAL, and write nothing (counted by the counting store).
 */
import * as z from 'zod/mini';
import { CONTRACTS } from '../../src/contracts/index';
import { errEnvelopeSchema } from '../../src/contracts/envelope.schema';
import type { ActionContract } from '../../src/contracts/define-action';
import { mulberry32 } from './fuzz-events';
import { fuzzEvents } from './fuzz-mutations';
import type { CheckResult, Profile } from './profile';
import { CALLERS, makeWorld, type World } from './world';
import type { PiiLedger } from './pii-scan';

export function allContracts(): ActionContract[] {
  return Object.values(CONTRACTS).flatMap((byAction) => Object.values(byAction ?? {}));
}

function callerFor(c: ActionContract, i: number): string | null {
  if (c.who === 'township') return CALLERS.township;
  if (c.who === 'committee') return CALLERS.clerkA;
  if (c.who === 'voter') return CALLERS.voterA;
  return i % 2 ? CALLERS.voterA : CALLERS.stranger;
}

function hintsOf(w: World): Record<string, string> {
  return { villageId: w.a.villageId, electionId: w.a.electionId, voterId: w.a.voters[1]!.id };
}

/** Why one reply fails the check, or null. */
export function faultOf(reply: unknown, writes: number): string | null {
  if (writes > 0) return `${writes} store write(s)`;
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) return 'no envelope';
  if ((reply as { ok: unknown }).ok === true) return null;
  const e = z.strictObject(errEnvelopeSchema.shape).safeParse(reply);
  if (!e.success) return `untyped error envelope (${e.error.issues[0]?.path.join('.')})`;
  if (e.data.code === 'INTERNAL') return 'INTERNAL';
  return null;
}

export async function fuzzCheck(profile: Profile, ledger: PiiLedger): Promise<CheckResult> {
  const w = await makeWorld(ledger);
  const findings = new Map<string, number>();
  let passed = 0;
  let failed = 0;
  let perActionMin = Infinity;
  try {
    for (const c of allContracts()) {
      const rng = mulberry32(profile.seed ^ (c.fn.length * 7919 + c.action.length * 104729));
      let n = 0;
      for (const f of fuzzEvents(c, profile.fuzzPerAction, rng, hintsOf(w))) {
        n += 1;
        let fault: string | null;
        try {
          const { reply, writes } = await w.call(c.fn, f.event, callerFor(c, n));
          fault = faultOf(reply, writes);
        } catch (e) {
          fault = `threw ${e instanceof Error ? e.name : 'a non-error'}`;
        }
        if (fault === null) passed += 1;
        else {
          failed += 1;
          const key = `${c.fn}.${c.action}: ${fault} on ${f.label.replace(/\d+/g, 'N')}`;
          findings.set(key, (findings.get(key) ?? 0) + 1);
        }
      }
      perActionMin = Math.min(perActionMin, n);
    }
  } finally {
    await w.close();
  }
  const lines = [...findings.entries()].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} (×${v})`);
  return { name: 'fuzz', passed, failed, note: `${allContracts().length} actions, ≥ ${perActionMin} events each`, findings: lines };
}
