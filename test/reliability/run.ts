/**
 * `npm run test:reliability` (full profile) and the fast profile inside `npm test`: the proof
 * suite of issue 10. Prints one line per check — `reliability: fuzz 7800 passed, 0 failed` — the
 * findings under a failing line, and exits 1 if any check failed. Usage:
 *   tsx test/reliability/run.ts [--profile fast|mid|full] [--only fuzz,tamper,...]
 * docs/reliability.md says what each line proves.
 */
import { PROFILES, type CheckResult, type Profile } from './profile';
import { PiiLedger } from './pii-scan';
import { CHECKS } from './checks';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function print(r: CheckResult, ms: number): void {
  const note = r.note ? ` (${r.note})` : '';
  console.log(`reliability: ${r.name} ${r.passed} passed, ${r.failed} failed${note} [${(ms / 1000).toFixed(1)} s]`);
  for (const f of r.findings.slice(0, 25)) console.log(`  FAILED ${f}`);
  if (r.findings.length > 25) console.log(`  … and ${r.findings.length - 25} more kinds of failure`);
  for (const f of r.figures ?? []) console.log(`  figure ${f}`);
}

async function main(): Promise<number> {
  const profile: Profile = PROFILES[(arg('profile') ?? 'full') as Profile['name']] ?? PROFILES.full;
  const only = arg('only')?.split(',');
  const started = Date.now();
  const ledger = new PiiLedger();
  let failedChecks = 0;
  console.log(`reliability: profile ${profile.name}, host time zone ${process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`);
  for (const check of CHECKS) {
    if (only && !only.includes(check.name)) continue;
    const t = Date.now();
    let r: CheckResult;
    try {
      r = await check.run(profile, ledger);
    } catch (e) {
      r = { name: check.name, passed: 0, failed: 1, findings: [`the check itself failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`] };
    }
    print(r, Date.now() - t);
    if (r.failed > 0 || r.passed === 0) failedChecks += 1;
  }
  console.log(`reliability: ${failedChecks === 0 ? 'all checks passed' : `${failedChecks} check(s) failed`} in ${((Date.now() - started) / 1000).toFixed(1)} s (profile ${profile.name})`);
  return failedChecks === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
