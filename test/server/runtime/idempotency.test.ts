/**
 * Retryable conflicts and idempotent retries (server/runtime/dispatch.ts, idempotency.ts), on
 * both stores: a conflict the adapter gives up on is BUSY, never INTERNAL; a retry with the same
 * requestId by the same caller returns the first reply and acts once.
 */
import { TcbError, FAKE_CONFLICT_MESSAGE } from '../../../server/adapters/cloudbase/cloudbase-db.fake';
import { RequestAlreadyApplied, idempotentCall, requestKey } from '../../../server/runtime/idempotency';
import { CONTRACTS } from '../../../src/contracts';
import { describeEachStore, makeTestApp, villageWithElection, TOWNSHIP, type TestApp, type VillageFixture } from '../harness';

const bindEvent = (v: VillageFixture['voters'][number], requestId?: string) => ({
  action: 'bind',
  name: v.doc.name,
  idNumber: v.idNumber,
  bindingCode: v.bindingCode,
  consent: true,
  ...(requestId ? { requestId } : {}),
});

describeEachStore('idempotent retries', (kind) => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp({ store: kind, latency: { latencyMs: 2, jitterMs: 1 } });
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  describe('requestId', () => {
    it('rejects a malformed requestId with a Chinese message, changing nothing', async () => {
      for (const requestId of ['short', 'x'.repeat(65), 'has space1', 12345678]) {
        const r = await t.call('identity', { ...bindEvent(f.voters[0]!), requestId }, 'wx-a');
        expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { requestId: '请求编号格式不对，请刷新后再试' } });
      }
      expect(await t.app.store.get('binding', 'wx-a')).toBeNull();
    });

    it('returns the first reply to a retry and binds once', async () => {
      const first = await t.call('identity', bindEvent(f.voters[0]!, 'req_bind_0001'), 'wx-a');
      expect(first).toMatchObject({ ok: true });
      const again = await t.call('identity', bindEvent(f.voters[0]!, 'req_bind_0001'), 'wx-a');
      expect(again).toEqual(first);
      const fresh = await t.call('identity', bindEvent(f.voters[0]!, 'req_bind_0002'), 'wx-a');
      expect(fresh).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(t.logs.filter((l) => l.includes('"e":"action.replayed"'))).toHaveLength(1);
    });

    it('keys the record by caller: the same id from another user is another request', async () => {
      await t.ok('identity', bindEvent(f.voters[0]!, 'req_shared_01'), 'wx-a');
      const other = await t.call('identity', bindEvent(f.voters[0]!, 'req_shared_01'), 'wx-b');
      expect(other).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'VOTER_TAKEN' });
    });

    it('applies once when three copies of one request race, and answers each with the same reply', async () => {
      const rs = await Promise.all([0, 1, 2].map(() => t.call('identity', bindEvent(f.voters[0]!, 'req_race_0001'), 'wx-a')));
      expect(rs.every((r) => r.ok)).toBe(true);
      expect(rs[1]).toEqual(rs[0]);
      expect(rs[2]).toEqual(rs[0]);
      const audits = await t.app.store.find('audit', { scope: f.electionId });
      expect(audits.filter((a) => a.action === 'identity.bind')).toHaveLength(1);
    });

    it('answers REQUEST_ALREADY_APPLIED when the change committed but its reply was lost', async () => {
      await t.ok('identity', bindEvent(f.voters[0]!, 'req_lost_0001'), 'wx-a');
      const key = requestKey(t.app.settings.idHmacKey, 'wx-a', 'identity.bind', 'req_lost_0001');
      const rec = (await t.app.store.get('request', key))!;
      const { _id, reply, repliedAt: _repliedAt, ...applied } = rec;
      expect(reply).toBeDefined();
      await t.app.store.runTransaction((tx) => tx.set('request', key, applied));
      const r = await t.call('identity', bindEvent(f.voters[0]!, 'req_lost_0001'), 'wx-a');
      expect(r).toEqual({ ok: false, code: 'CONFLICT', reason: 'REQUEST_ALREADY_APPLIED', message: '这件事已经办好了，请刷新页面查看结果' });
    });

    it('never replays a reply that carries a one-time code, and creates one invitation', async () => {
      const { village } = await t.ok<{ village: { id: string } }>('township', { action: 'createVillage', name: '东村', kind: 'village', presetId: 'national', groups: ['一组'] }, TOWNSHIP);
      const event = { action: 'inviteCommittee', villageId: village.id, requestId: 'req_invite_01' };
      const first = await t.call<{ code: string }>('township', event, TOWNSHIP);
      expect(first.ok).toBe(true);
      const again = await t.call('township', event, TOWNSHIP);
      expect(again).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'REQUEST_ALREADY_APPLIED' });
      expect(JSON.stringify(await t.app.store.find('request', {}))).not.toContain(first.ok ? first.data.code : '?');
      expect(await t.app.store.count('invite', { villageId: village.id })).toBe(1);
    });

    it('runs a read-only action carrying a requestId as usual, recording nothing', async () => {
      const r = await t.call('identity', { action: 'whoami', requestId: 'req_read_0001' }, 'wx-a');
      expect(r).toMatchObject({ ok: true });
      expect(await t.app.store.count('request', {})).toBe(0);
    });

    it('records nothing for a call refused before any change, so its retry runs again', async () => {
      const first = await t.call('notices', { action: 'markRead', noticeId: 'ntc_missing', requestId: 'req_mark_0001' }, 'wx-a');
      expect(first).toMatchObject({ ok: false });
      expect(await t.app.store.count('request', {})).toBe(0);
    });
  });

  describe('one call, several transactions', () => {
    it('lets a later transaction of the same call pass and refuses another call with that id, applying nothing', async () => {
      const deps = { store: t.app.store, clock: t.app.clock, log: t.app.log, hmacKey: t.app.settings.idHmacKey };
      const call = idempotentCall(deps, 'wx-a', 'x.y', 'req_multi_001');
      await call.store.runTransaction((tx) => tx.set('meta', 'one', { n: 1 }));
      await call.store.runTransaction((tx) => tx.set('meta', 'two', { n: 2 }));
      const retry = idempotentCall(deps, 'wx-a', 'x.y', 'req_multi_001');
      await expect(retry.store.runTransaction((tx) => tx.set('meta', 'three', { n: 3 }))).rejects.toBeInstanceOf(RequestAlreadyApplied);
      expect(await t.app.store.get('meta', 'three')).toBeNull();
      expect(await retry.prior()).toBe('applied');
    });
  });
});

describe('BUSY', () => {
  it('answers BUSY with the request id, logged as such, when conflicts outlast the adapter retries', async () => {
    const t = makeTestApp({ store: 'cloudbase-fake', latency: { latencyMs: 0, jitterMs: 0 } });
    try {
      const f = await villageWithElection(t);
      t.fake!.failNextCommit(...Array.from({ length: 5 }, () => new TcbError('DATABASE_TRANSACTION_CONFLICT', FAKE_CONFLICT_MESSAGE)));
      const r = await t.call('identity', bindEvent(f.voters[0]!, 'req_busy_0001'), 'wx-a');
      expect(r).toMatchObject({ ok: false, code: 'BUSY', message: '现在办理的人较多，请稍等几秒再试，不会重复办理' });
      expect(!r.ok && r.requestId).toBeTruthy();
      expect(t.logs.some((l) => l.includes('"e":"action.busy"') && l.includes('"code":"BUSY"'))).toBe(true);
      expect(t.logs.some((l) => l.includes('action.failed'))).toBe(false);
      // Nothing was applied, so the retry with the same id acts.
      expect(await t.call('identity', bindEvent(f.voters[0]!, 'req_busy_0001'), 'wx-a')).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });

  it('is documented, with REQUEST_ALREADY_APPLIED, on every state-changing action', () => {
    const all = Object.values(CONTRACTS).flatMap((a) => Object.values(a ?? {}));
    const mutating = all.filter((c) => c.mutates);
    expect(mutating.length).toBeGreaterThanOrEqual(19);
    for (const c of mutating) {
      expect(c.errors.BUSY).toEqual([]);
      expect(c.errors.CONFLICT).toContain('REQUEST_ALREADY_APPLIED');
    }
    for (const c of all.filter((x) => !x.mutates)) expect(c.errors.BUSY).toBeUndefined();
  });
});
