/**
 * The demo seed gives the proxy pages data: while nominations run, the migrant's request waits for
 * the proxy persona; once candidates are known the migrant is on the list and has not filed yet.
 */
import { seedDemo, DEMO_OPENIDS } from '../../../server/seed/demo-seed';
import { makeTestApp, type TestApp } from '../harness';
import type { View } from './proxy-fixture';

jest.setTimeout(120_000);

describe('demo seed: proxy voting', () => {
  let t: TestApp;
  afterEach(() => t.close());

  /** The harness app with the demo township persona as administrator, as the local host has it in dev mode. */
  const demoApp = () => {
    const app = makeTestApp('2026-11-22T03:00:00.000Z');
    (app.app as { settings: typeof app.app.settings }).settings = { ...app.app.settings, townshipAdmins: new Set([DEMO_OPENIDS.township]) };
    return app;
  };
  const bindPersona = async (personas: Awaited<ReturnType<typeof seedDemo>>['personas'], key: 'migrant' | 'proxy') => {
    const p = personas.find((x) => x.key === key)!;
    await t.ok('identity', { action: 'bind', ...p.bindWith, consent: true }, p.openid);
  };

  it('in the nomination phase, the migrant has asked the proxy persona, who sees it to accept', async () => {
    t = demoApp();
    const seeded = await seedDemo(t.app, { phase: 'nomination' });
    await bindPersona(seeded.personas, 'migrant');
    await bindPersona(seeded.personas, 'proxy');
    const incoming = await t.ok<{ requests: View[]; holds: number; max: number }>('proxies', { action: 'incoming' }, DEMO_OPENIDS.proxy);
    expect(incoming).toMatchObject({ requests: [{ status: 'requested', principal: { name: '李志强' }, proxy: { name: '李志刚' } }], holds: 0, max: 3 });
    const mine = await t.ok<{ authorizations: View[] }>('proxies', { action: 'mine' }, DEMO_OPENIDS.migrant);
    expect(mine.authorizations).toHaveLength(1);
    expect(await t.call('proxies', { action: 'respond', id: incoming.requests[0]!.id, accept: true, signature: { width: 320, height: 160, strokes: [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]] } }, DEMO_OPENIDS.proxy)).toMatchObject({ ok: true });
  });

  it('in the campaign phase, the migrant is on the list and has not filed: he can ask his brother himself', async () => {
    t = demoApp();
    const seeded = await seedDemo(t.app, { phase: 'campaign' });
    expect(seeded.personas.find((p) => p.key === 'migrant')?.hint).toContain('可以请哥哥代为投票');
    expect(seeded.personas.find((p) => p.key === 'proxy')?.hint).not.toContain('待他确认');
    await bindPersona(seeded.personas, 'migrant');
    await bindPersona(seeded.personas, 'proxy');
    expect(await t.ok('proxies', { action: 'incoming' }, DEMO_OPENIDS.proxy)).toMatchObject({ requests: [] });
    expect(await t.ok('proxies', { action: 'mine' }, DEMO_OPENIDS.migrant)).toMatchObject({ authorizations: [] });
  });

  it('in the registration phase, before the list is out, there is no request', async () => {
    t = demoApp();
    const seeded = await seedDemo(t.app, { phase: 'registration' });
    await bindPersona(seeded.personas, 'proxy');
    expect(await t.ok('proxies', { action: 'incoming' }, DEMO_OPENIDS.proxy)).toMatchObject({ requests: [] });
  });
});
