import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecordingNotifier } from '../../../server/adapters/local/recording.notifier';
import { manualClock } from '../../../server/ports/clock.port';

describe('recording notifier', () => {
  it('records each send with its time, as a copy', async () => {
    const clock = manualClock('2026-05-01T08:00:00.000Z');
    const n = createRecordingNotifier(clock);
    const data = { thing1: { value: 'a' } };
    await expect(n.send({ openid: 'o1', templateId: 't', data })).resolves.toEqual({ ok: true });
    data.thing1.value = 'changed later';
    clock.advance(60_000);
    await n.send({ openid: 'o2', templateId: 't', page: 'p', data: {} });
    expect(n.deliveries()).toEqual([
      { at: '2026-05-01T08:00:00.000Z', message: { openid: 'o1', templateId: 't', data: { thing1: { value: 'a' } } }, result: { ok: true } },
      { at: '2026-05-01T08:01:00.000Z', message: { openid: 'o2', templateId: 't', page: 'p', data: {} }, result: { ok: true } },
    ]);
  });

  it('plays scripted failures in order, then succeeds again', async () => {
    const n = createRecordingNotifier();
    n.failNext({ ok: false, transient: true, errCode: -1, errMsg: 'busy' }, { ok: false, transient: false, errCode: 43101, errMsg: 'refused' });
    const send = () => n.send({ openid: 'o', templateId: 't', data: {} });
    expect(await send()).toMatchObject({ transient: true });
    expect(await send()).toMatchObject({ errCode: 43101 });
    expect(await send()).toEqual({ ok: true });
    expect(n.deliveries()).toHaveLength(3);
    n.clear();
    expect(n.deliveries()).toEqual([]);
  });

  describe('with a file (the local host in dev mode)', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cxt-rec-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps the deliveries across a restart', async () => {
      const file = join(dir, 'dev-deliveries.jsonl');
      const clock = manualClock('2026-05-01T08:00:00.000Z');
      const first = createRecordingNotifier(clock, { file });
      await first.send({ openid: 'o1', templateId: 't', page: 'pages/notices/detail?id=n_1', data: { thing1: { value: '公告' } } });
      first.failNext({ ok: false, transient: false, errCode: 40003, errMsg: 'invalid openid' });
      await first.send({ openid: 'o2', templateId: 't', data: {} });
      const restarted = createRecordingNotifier(clock, { file });
      expect(restarted.deliveries()).toEqual(first.deliveries());
      expect(restarted.deliveries()[1]!.result).toEqual({ ok: false, transient: false, errCode: 40003, errMsg: 'invalid openid' });
      await restarted.send({ openid: 'o3', templateId: 't', data: {} });
      expect(createRecordingNotifier(clock, { file }).deliveries().map((d) => d.message.openid)).toEqual(['o1', 'o2', 'o3']);
    });

    it('skips a torn last line (a crash mid-write) and keeps only the newest beyond its limit', async () => {
      const file = join(dir, 'dev-deliveries.jsonl');
      const n = createRecordingNotifier(manualClock('2026-05-01T08:00:00.000Z'), { file, keep: 3 });
      for (const o of ['o1', 'o2', 'o3', 'o4']) await n.send({ openid: o, templateId: 't', data: {} });
      expect(n.deliveries().map((d) => d.message.openid)).toEqual(['o2', 'o3', 'o4']);
      appendFileSync(file, '{"at":"2026-05-01T08:00:00.000Z","message":{"openid":"o5"');
      const again = createRecordingNotifier(manualClock('2026-05-01T09:00:00.000Z'), { file, keep: 3 });
      expect(again.deliveries().map((d) => d.message.openid)).toEqual(['o2', 'o3', 'o4']);
      // The file was compacted to what is kept.
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
      again.clear();
      expect(createRecordingNotifier(manualClock('2026-05-01T09:00:00.000Z'), { file }).deliveries()).toEqual([]);
    });
  });
});
