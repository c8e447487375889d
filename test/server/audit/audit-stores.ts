/** The two stores every audit test runs on: embedded SQLite and the CloudBase adapter on its fake. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore } from '../../../server/adapters/cloudbase/cloudbase.store';
import { FakeCloudbaseDatabase } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { openSqliteStore } from '../../../server/adapters/embedded/sqlite.store';
import { appendAudit } from '../../../server/audit/audit-log';
import type { AuditEntry } from '../../../server/ports/audit.port';
import type { Store } from '../../../server/ports/store.port';
import { seededRandom } from '../../../server/security/keyed-hash';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export const sqliteStore = (): Store => {
  const dir = mkdtempSync(join(tmpdir(), 'cxt-audit-'));
  dirs.push(dir);
  return openSqliteStore({ file: join(dir, 'audit.db') });
};

export const fakeCloudbaseStore = (): Store => {
  const rng = seededRandom(5);
  return createCloudbaseStore(new FakeCloudbaseDatabase(), { maxAttempts: 200, backoffMs: () => rng.int(3) });
};

export const AUDIT_STORES: Array<[string, () => Store]> = [
  ['embedded sqlite', sqliteStore],
  ['CloudBase adapter on the FAKE', fakeCloudbaseStore],
];

export const AT = '2026-05-01T08:00:00.000Z';

export const entry = (n: number, scope = 'e1', at = AT): AuditEntry => ({ scope, action: 'test.step', actor: 'wx:0123456789abcdef', at, subject: `voter-${n}`, data: { n, note: `第${n}步` } });

export const append = (store: Store, e: AuditEntry) => store.runTransaction((tx) => appendAudit(tx, e));
