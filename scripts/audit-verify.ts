/**
 * `npm run audit:verify [-- --data-dir DIR]` (default ./.data): checks the audit chain of an
 * embedded store (docs/decisions/0001-audit-chain.md). Prints the deployment's public keys, then
 * per scope `ok <scope>: N entries, M checkpoints[, P pending]` or
 * `BROKEN <scope>: record <collection>/<id> — <why>` (an edited or deleted entry, head,
 * checkpoint — numbered checkpoints name a deleted one — a notice's checkpoint copy, a notice
 * whose publication the chain records), then every nomination ballot whose stored
 * content no longer hashes to what its audit entry recorded (`BROKEN ballots: record
 * nomination/<id> — <why>`). Exit code 1 when anything is broken.
 *
 * Keys: the signing key in DIR/secrets.json (or SIGNING_KEY_PEM) gives the current public key;
 * retired public keys come from SIGNING_KEYRING (env, or the same key in secrets.json).
 * Pending (not yet linked) entries are counted, never an error: the local host links them
 * within a second while it runs and all of them when it stops, so entries left pending mean a
 * host that was killed, not a forgery — and a forger would rather delete them (which no
 * verifier can see; see the decision record).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKeyring, parseRetiredKeys, type Keyring } from '../server/adapters/crypto/ed25519.keyring';
import { createEd25519Signer } from '../server/adapters/crypto/ed25519.signer';
import { openSqliteStore } from '../server/adapters/embedded/sqlite.store';
import { verifyAuditStore } from '../server/audit/audit-verify';
import { checkBallotsAgainstAudit } from '../server/use-cases/nominations/ballot-audit-check.policy';
import { DATABASE_FILE, SECRETS_FILE } from '../server/local/local-app';

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function keyringOf(dataDir: string, env: Record<string, string | undefined>): Keyring {
  const file = join(dataDir, SECRETS_FILE);
  const secrets = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const pem = env.SIGNING_KEY_PEM ?? (typeof secrets.SIGNING_KEY_PEM === 'string' ? secrets.SIGNING_KEY_PEM : undefined);
  if (!pem) throw new Error(`no signing key: neither SIGNING_KEY_PEM nor ${file}`);
  const retired = env.SIGNING_KEYRING ?? (typeof secrets.SIGNING_KEYRING === 'string' ? secrets.SIGNING_KEYRING : undefined);
  return createKeyring(createEd25519Signer(pem), parseRetiredKeys(retired));
}

export async function main(argv: readonly string[], out: (line: string) => void = console.log, env: Record<string, string | undefined> = process.env): Promise<number> {
  const dataDir = resolve(arg(argv, 'data-dir') ?? env.DATA_DIR ?? '.data');
  const dbFile = join(dataDir, DATABASE_FILE);
  if (!existsSync(dbFile)) {
    out(`BROKEN ${dataDir}: no database ${DATABASE_FILE} there`);
    return 1;
  }
  const keyring = keyringOf(dataDir, env);
  for (const [keyId, pem] of keyring.keys) out(`public key ${keyId}${keyId === keyring.currentKeyId ? ' (current)' : ' (retired)'}:\n${pem.trim()}`);
  const store = openSqliteStore({ file: dbFile });
  try {
    const reports = await verifyAuditStore(store, keyring);
    let broken = 0;
    for (const { scope, result } of reports) {
      if (result.ok) {
        out(`ok ${scope}: ${result.length} entries, ${result.checkpoints} checkpoints${result.pending ? `, ${result.pending} pending` : ''}`);
      } else {
        broken += 1;
        out(`BROKEN ${scope}: record ${result.record} — ${result.why}`);
      }
    }
    // Nomination ballots against the hashes their audit entries recorded (an edited ballot).
    const ballots = await checkBallotsAgainstAudit(store);
    for (const f of ballots) out(`BROKEN ballots: record ${f.record} — ${f.why}`);
    broken += ballots.length;
    out(`audit: ${reports.length} scopes, ${broken} broken`);
    return broken === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
