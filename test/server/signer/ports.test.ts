import { clockStartingAt, fixedClock, manualClock, offsetClock, systemClock } from '../../../server/ports/clock.port';
import { staticIdentity, wxContextIdentity } from '../../../server/ports/identity.port';

describe('clocks', () => {
  it('fixedClock always answers the same instant, as a fresh Date', () => {
    const c = fixedClock('2026-05-01T00:00:00+08:00');
    const a = c.now();
    a.setFullYear(2000);
    expect(c.now().toISOString()).toBe('2026-04-30T16:00:00.000Z');
    expect(() => fixedClock('not a date')).toThrow(/ISO/);
  });

  it('offsetClock and clockStartingAt shift a running base clock', () => {
    const base = manualClock('2026-01-01T00:00:00.000Z');
    const shifted = offsetClock(3_600_000, base);
    expect(shifted.now().toISOString()).toBe('2026-01-01T01:00:00.000Z');
    const demo = clockStartingAt('2026-05-10T07:30:00.000Z', base);
    base.advance(90_000);
    expect(demo.now().toISOString()).toBe('2026-05-10T07:31:30.000Z');
    base.set('2026-01-02T00:00:00.000Z');
    expect(shifted.now().toISOString()).toBe('2026-01-02T01:00:00.000Z');
  });

  it('systemClock follows the system time', () => {
    const before = Date.now();
    const t = systemClock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t - before).toBeLessThan(1000);
  });
});

describe('identity', () => {
  it('takes the openid from getWXContext only, and treats an empty one as nobody', () => {
    let ctx: { OPENID?: string } = { OPENID: 'o-user' };
    const id = wxContextIdentity({ getWXContext: () => ctx });
    expect(id.openid()).toBe('o-user');
    ctx = { OPENID: '' };
    expect(id.openid()).toBeNull();
    ctx = {};
    expect(id.openid()).toBeNull();
    expect(staticIdentity('o-dev').openid()).toBe('o-dev');
  });
});
