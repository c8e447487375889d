/** 选民名册 under a provincial preset that has the 无法行使选举权 flag (广东): it is offered, as the server allows it. */
import { bootApp, cloudTable, type Harness, type PageHandle } from './harness';
import * as rx from './roll-fixtures';

let h: Harness;
let page: PageHandle;

beforeAll(async () => {
  h = bootApp(
    cloudTable({
      'identity.whoami': { ok: true, data: rx.whoamiWith({ presetId: 'guangdong', presetName: '广东省村民委员会选举办法（2026）' }) },
      'committee.listVoters': { ok: true, data: rx.listOf([rx.villager]) },
    }),
  );
  page = await h.renderPage('subpackages/committee/pages/roll/index');
});
afterAll(() => page?.unload());

describe('选民名册 under the 广东 preset', () => {
  it('offers 无法行使选举权 with the other flags', async () => {
    await page.tap('open-vt-a1');
    await page.tap('mode-flag');
    for (const f of ['deprived', 'deceased', 'movedAway', 'unableToExercise']) expect(page.byId(`flag-${f}`)).not.toBeNull();
  });
  it('still offers the new binding code and the release', () => {
    expect(page.byId('mode-reissue')).not.toBeNull();
    expect(page.byId('mode-release')).not.toBeNull();
    expect(h.calls.cloud.map((c) => c.data.action)).toEqual(expect.arrayContaining(['whoami', 'listVoters']));
  });
});
