/** GET /dev/deliveries: the recorded pushes for the H5 推送记录 panel — newest first, recipients as personas or masked, dev mode only. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { devDeliveryRows, maskOpenid, personasByOpenid } from '../../../server/local/dev-deliveries';
import { DEV_DELIVERIES_FILE, openLocalApp } from '../../../server/local/local-app';
import { createHttpHost } from '../../../server/local/http-host';
import { ROUTES } from '../../../server/functions/routes';
import { noticeMessage } from '../../../server/use-cases/notices/notice-message.text';

describe('GET /dev/deliveries', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxt-devdel-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const message = (openid: string, reminder: boolean) =>
    noticeMessage({ openid, templateId: 'dev-notice-template-local', noticeId: 'n_1', title: '选民名单公告', publishedAt: '2026-03-01T02:00:00.000Z', committeeName: '清溪村村民选举委员会', reminder });

  it('shows each push newest first, the recipient as a dev persona or masked, with its outcome', () => {
    const personasFile = join(dir, 'dev-personas.json');
    writeFileSync(personasFile, JSON.stringify({ personas: [{ key: 'villager', label: '村民 张秀兰', openid: 'dev-villager' }] }));
    const rows = devDeliveryRows(
      [
        { at: '2026-03-01T02:00:00.000Z', message: message('dev-villager', false), result: { ok: true } },
        { at: '2026-03-01T03:00:00.000Z', message: message('o-villager-00012', true), result: { ok: false, transient: false, errCode: 43101, errMsg: 'user refuse' } },
      ],
      personasByOpenid(personasFile),
    );
    expect(rows.total).toBe(2);
    expect(rows.deliveries.map((d) => [d.recipient, d.persona, d.reminder, d.outcome, d.error])).toEqual([
      ['o-vi…0012', null, true, 'failed', '43101 user refuse'],
      ['村民 张秀兰', 'villager', false, 'sent', null],
    ]);
    expect(rows.deliveries[1]).toMatchObject({ title: '选民名单公告', page: 'subpackages/notice/pages/detail/index?id=n_1', templateId: 'dev-notice-template-local' });
    expect(maskOpenid('short')).toBe('sh…');
  });

  it('keeps what was recorded across a restart of the local host, and answers only in dev mode', async () => {
    const first = openLocalApp({ dataDir: dir, log: 'silent' });
    await first.notifier.send(message('dev-villager', false));
    await first.close();
    const local = openLocalApp({ dataDir: dir, log: 'silent' });
    const server = createHttpHost({ app: local.app, routes: ROUTES, personasFile: local.personasFile, devEndpoints: { deliveries: () => devDeliveryRows(local.notifier.deliveries(), personasByOpenid(local.personasFile)) } });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const port = (server.address() as AddressInfo).port;
      const body = (await (await fetch(`http://127.0.0.1:${port}/dev/deliveries`)).json()) as { total: number; deliveries: { message: { openid: string } }[] };
      expect(body.total).toBe(1);
      expect(body.deliveries[0]!.message.openid).toBe('dev-villager');
    } finally {
      server.close();
      await local.close();
    }
    // Production mode: nothing is written to the data directory, and /dev/* is hidden.
    const prodDir = mkdtempSync(join(tmpdir(), 'cxt-devdel-prod-'));
    const prod = openLocalApp({ dataDir: prodDir, env: { APP_MODE: 'production' }, log: 'silent' });
    await prod.notifier.send(message('o1', false));
    const host = createHttpHost({ app: prod.app, routes: ROUTES, devEndpoints: { deliveries: () => devDeliveryRows(prod.notifier.deliveries(), new Map()) } });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    try {
      const port = (host.address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${port}/dev/deliveries`)).status).toBe(404);
      expect(existsSync(join(prodDir, DEV_DELIVERIES_FILE))).toBe(false);
    } finally {
      host.close();
      await prod.close();
      rmSync(prodDir, { recursive: true, force: true });
    }
  });
});
