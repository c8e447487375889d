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
});
