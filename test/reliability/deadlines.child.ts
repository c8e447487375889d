/**
 * The deadlines check's body (deadlines.check.ts runs it with TZ=America/Los_Angeles and reads
 * the one JSON line it prints).
 */
import { allRuleSets } from '../../src/domain/presets/registry';
import { buildCalendar, objectionFilingLastDay, phaseAt } from '../../src/domain/calendar';
import { addDays, shanghaiDateOf, type CivilDate } from '../../src/domain/civil-date';
import { rulesOf } from '../../server/use-cases/shared/election.view';
import type { ElectionDoc } from '../../src/contracts/documents/election-documents.schema';
import type { CheckResult } from './profile';
import { PiiLedger } from './pii-scan';
import { bindEvent, CALLERS, makeWorld } from './world';
import { actionCutoffs, type Tally } from './deadlines.actions';

const SECOND = 1000;
/** 00:00 Asia/Shanghai after `lastDay`, computed without the domain: 16:00 UTC on that day. */
const cutoffOf = (lastDay: CivilDate) => Date.UTC(Number(lastDay.slice(0, 4)), Number(lastDay.slice(5, 7)) - 1, Number(lastDay.slice(8, 10)), 16);

function calendarCutoffs(findings: string[]): number {
  let passed = 0;
  for (const rules of allRuleSets()) {
    for (let d = 0; d < 365; d += 5) {
      const electionDay = addDays('2026-03-01', 30 + d);
      for (const published of [null, addDays(electionDay, -25)]) {
        const cal = buildCalendar({ electionDay, voterListPublishedOn: published }, rules);
        for (const e of cal.entries) {
          const cutoff = cutoffOf(e.lastDay);
          const where = `${e.key} of ${electionDay} (${String((rules as { id?: string }).id ?? 'rules')})`;
          const before = new Date(cutoff - SECOND);
          const after = new Date(cutoff + SECOND);
          const ok = Date.parse(e.deadline) === cutoff && shanghaiDateOf(before) === e.lastDay && shanghaiDateOf(after) === addDays(e.lastDay, 1);
          phaseAt(cal, before);
          phaseAt(cal, after);
          if (ok) passed += 2;
          else findings.push(`${where}: deadline ${e.deadline}, expected ${new Date(cutoff).toISOString()}`);
        }
      }
    }
  }
  return passed;
}

async function objectionCutoff(findings: string[]): Promise<number> {
  const w = await makeWorld(new PiiLedger());
  try {
    await w.t.ok('committee', { action: 'publishVoterList', electionId: w.a.electionId }, CALLERS.clerkA);
    await w.t.ok('identity', bindEvent(w.a.voters[1]!), 'ot-voter-a2');
    const election = (await w.t.app.store.get('election', w.a.electionId)) as ElectionDoc | null;
    if (!election?.voterListPublishedOn) throw new Error('list not published');
    const cutoff = cutoffOf(objectionFilingLastDay(election.voterListPublishedOn, election.electionDay, rulesOf(election)));
    const file = async (at: number, openid: string) => {
      w.t.setNow(new Date(at).toISOString());
      const { reply } = await w.call('registration', { action: 'fileObjection', kind: 'missingPerson', name: '李建华', group: '第一村民小组', details: '李建华户籍在本村，一直在村里居住，名单上漏登了' }, openid);
      return reply;
    };
    const before = await file(cutoff - SECOND, CALLERS.voterA);
    const after = await file(cutoff + SECOND, 'ot-voter-a2');
    let passed = 0;
    if (before.ok || before.code !== 'WINDOW_CLOSED') passed += 1;
    else findings.push(`fileObjection 1 s before the filing cutoff: ${before.code} ${before.reason ?? ''}`);
    if (!after.ok && after.code === 'WINDOW_CLOSED') passed += 1;
    else findings.push(`fileObjection 1 s after the filing cutoff: ${after.ok ? 'accepted' : `${after.code} ${after.reason ?? ''}`}`);
    return passed;
  } finally {
    await w.close();
  }
}

async function main(): Promise<void> {
  const findings: string[] = [];
  const calendar = calendarCutoffs(findings);
  const actions: Tally = { passed: await objectionCutoff(findings), findings };
  await actionCutoffs(actions);
  const passed = calendar + actions.passed;
  const note = `host TZ ${process.env.TZ}; every calendar cutoff of every rule set ±1 s (${calendar}), and every cutoff an action enforces ±1 s through the action (${actions.passed} sides passed)`;
  const result: CheckResult = { name: 'deadlines', passed, failed: findings.length, note, findings };
  console.log(JSON.stringify(result));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
