import { verifyAuditChain } from '../../../server/audit/audit-log';
import { draftVoter, writeVoters } from '../../../server/seed/voter-factory';
import { seededRandom } from '../../../server/security/keyed-hash';
import { addDays } from '../../../src/domain/civil-date';
import type { Store } from '../../../server/ports/store.port';
import { gated } from '../gated-store';
import { importRows, syntheticId } from '../roll/roll-fixtures';
import { CLERK, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { G1, G2, MONITORS, ROSTER, VOTING } from './setup-fixture';

type Setup = {
  election: { electionDay: string; presetId: string; posts: { post: string; seats: number }[]; calendar: { key: string; opensOn: string | null; lastDay: string }[] };
  revision: number;
  changed: string[];
  warnings: string[];
  setup: {
    nominationOpensOn: string | null;
    electionCommittee: { chosenByLabel: string; members: { name: string; roleLabel: string; group: string }[] } | null;
    voting: { opensAt: string; closesAt: string; centralPlace: string; stations: { name: string }[]; mobileBoxes: unknown[]; centralGroups: string[] } | null;
    groups: string[];
    registeredVoters: number;
    rules: { minCommitteeMembers: number; minBoxMonitors: number; mobileBoxGuideMax: number | null };
    locks: { field: string; reason: string }[];
  };
};

/** 10:00 Asia/Shanghai on a civil date. */
const at10 = (day: string) => `${day}T02:00:00.000Z`;
describe('committee.updateElection', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  const update = (event: Record<string, unknown>, openid: string = CLERK) => t.call<Setup>('committee', { action: 'updateElection', electionId: f.electionId, ...event }, openid);
  const must = async (event: Record<string, unknown>) => {
    const r = await update(event);
    if (!r.ok) throw new Error(`refused: ${r.reason} ${r.message}`);
    return r.data;
  };
  const audit = () => t.app.store.find('audit', { scope: f.electionId }, { limit: 1000, orderBy: { field: 'seq', direction: 'asc' } });
  const lastDay = (s: Setup, key: string) => s.election.calendar.find((e) => e.key === key)?.lastDay;

  describe('reading', () => {
    it('returns the current setup and writes nothing when nothing changes', async () => {
      const before = (await audit()).length;
      const r = await must({});
      expect(r).toMatchObject({ revision: 0, changed: [], warnings: [], setup: { electionCommittee: null, voting: null, groups: [G1, G2], registeredVoters: 3, locks: [] } });
      expect(r.setup.rules).toEqual({ minCommitteeMembers: 3, committeeChairs: 1, minBoxMonitors: 3, mobileBoxGuideMax: 1 });
      expect(lastDay(r, 'electionDay')).toBe(f.electionDay);
      // Sending the stored values again is no change either.
      expect(await must({ electionDay: f.electionDay, posts: [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 1 }, { post: 'member', seats: 3 }] })).toMatchObject({ changed: [], revision: 0 });
      expect((await audit()).length).toBe(before);
    });
  });

  describe('election day (only while the calendar still fits)', () => {
    it('moves election day and returns the new statutory calendar, audited', async () => {
      const day = addDays(f.electionDay, 10);
      const r = await must({ electionDay: day });
      expect(r).toMatchObject({ changed: ['electionDay'], revision: 1 });
      expect(lastDay(r, 'voterListPublication')).toBe(addDays(day, -20));
      expect(r.warnings).toEqual([expect.stringContaining('年满18周岁')]);
      const last = (await audit()).at(-1);
      expect(last).toMatchObject({ action: 'committee.updateElection', data: { changed: 'electionDay', electionDay: `${f.electionDay} → ${day}` } });
      expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
    });
    it('rejects when the new election day leaves less than 20 days for the voter list', async () => {
      expect(await update({ electionDay: '2026-03-20' })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'ELECTION_DAY_TOO_SOON' });
    });
    it('rejects a date that does not exist', async () => {
      expect(await update({ electionDay: '2026-04-31' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    });
    it('rejects when the voter list is already published (the list fixed E)', async () => {
      await t.ok('committee', { action: 'publishVoterList', electionId: f.electionId }, CLERK);
      const r = await update({ electionDay: addDays(f.electionDay, 7) });
      expect(r).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'FIXED_BY_VOTER_LIST' });
      expect(await update({ title: '改个名字的选举' })).toMatchObject({ ok: false, reason: 'FIXED_BY_VOTER_LIST' });
      expect(await update({ electionDay: f.electionDay })).toMatchObject({ ok: true, data: { changed: [] } });
    });
    it('rejects when an earlier election day leaves a registered voter under 18', async () => {
      // 18 on 2026-04-01: of age on the stored E (40 days ahead), not on 2026-03-25.
      const teen = draftVoter(
        { electionId: f.electionId, villageId: f.villageId, name: '周小光', sex: 'M', birthDate: '2008-04-01', group: G1, category: 'A', status: 'registered', electionDay: f.electionDay },
        t.app.settings.idHmacKey,
        seededRandom(99),
        t.app.clock.now().toISOString(),
      );
      await writeVoters(t.app.store, [teen], t.app.clock.now().toISOString());
      expect(await update({ electionDay: '2026-03-25' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'VOTERS_UNDER_AGE' });
      expect(await update({ electionDay: '2026-04-02' })).toMatchObject({ ok: true });
    });
    it('rejects ROLL_CHANGED when the roll changes between the age check and the write, and then sees the newcomer', async () => {
      const g = gated(t.app.store);
      (t.app as { store: Store }).store = g.store;
      let imported = false;
      g.hooks.find = async (c) => {
        if (c !== 'voter' || imported) return;
        imported = true;
        // 18 on 2026-04-01: of age on the stored E, not on the earlier day being saved.
        await importRows(t, f.electionId, [{ name: '周小光', idNumber: syntheticId('2008-04-01', 11), group: G1, category: 'A' }]);
      };
      expect(await update({ electionDay: '2026-03-25' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ROLL_CHANGED', message: expect.stringContaining('稍等') });
      expect(imported).toBe(true);
      expect(await update({ electionDay: '2026-03-25' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'VOTERS_UNDER_AGE' });
    });
  });

  describe('rule preset', () => {
    it('switches to another preset of the same kind before the voter list, and its calendar applies', async () => {
      const r = await must({ presetId: 'guangdong' });
      expect(r.election.presetId).toBe('guangdong');
      expect(lastDay(r, 'candidateListPublication')).toBe(addDays(f.electionDay, -7));
    });
    it('rejects an unknown preset', async () => {
      expect(await update({ presetId: 'atlantis' })).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'PRESET_UNKNOWN' });
    });
  });

  describe('posts and the nomination window (until nomination opens)', () => {
    it('changes seats with createElection’s rules', async () => {
      expect(await must({ posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 4 }] })).toMatchObject({ changed: ['posts'] });
      expect(await update({ posts: [{ post: 'director', seats: 1 }, { post: 'deputy', seats: 2 }, { post: 'member', seats: 5 }] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_SEATS' });
    });
    it('rejects a window that closes on the candidate-list day (WINDOW_ORDER)', async () => {
      expect(await update({ nominationOpensOn: addDays(f.electionDay, -11), nominationClosesOn: addDays(f.electionDay, -5) })).toMatchObject({ ok: false, reason: 'WINDOW_ORDER' });
    });
    it('rejects a window that would open in the past', async () => {
      t.setNow(at10(addDays(f.electionDay, -14)));
      expect(await update({ nominationOpensOn: addDays(f.electionDay, -15) })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'PAST_DATE' });
    });
    it('sets a window and puts it back to the preset default with null', async () => {
      const opens = addDays(f.electionDay, -10);
      expect((await must({ nominationOpensOn: opens })).setup.nominationOpensOn).toBe(opens);
      const back = await must({ nominationOpensOn: null });
      expect(back.setup.nominationOpensOn).toBeNull();
      expect(back.election.calendar.find((e) => e.key === 'nomination')?.opensOn).toBe(addDays(f.electionDay, -11));
    });
    it('rejects changing seats or the window once nomination has opened', async () => {
      t.setNow(at10(addDays(f.electionDay, -11)));
      expect(await update({ posts: [{ post: 'director', seats: 1 }, { post: 'member', seats: 4 }] })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'NOMINATION_STARTED' });
      expect(await update({ nominationClosesOn: addDays(f.electionDay, -9) })).toMatchObject({ ok: false, reason: 'NOMINATION_STARTED' });
    });
  });

  describe('election committee roster (RULES.md §2)', () => {
    it('records the roster in notice order (主任, 副主任, 委员), audited', async () => {
      const r = await must({ electionCommittee: ROSTER });
      expect(r.changed).toEqual(['electionCommittee']);
      expect(r.setup.electionCommittee).toMatchObject({ chosenByLabel: '村民代表会议' });
      expect(r.setup.electionCommittee!.members.map((m) => `${m.roleLabel}${m.name}`)).toEqual(['主任王建国', '副主任李秀英', '委员张伟']);
      expect((await audit()).at(-1)).toMatchObject({ action: 'committee.updateElection', data: { rosterAdded: '委员张伟（第二村民小组）、主任王建国（第一村民小组）、副主任李秀英（第二村民小组）', rosterRemoved: '', rosterSize: 3 } });
    });
    it('rejects when fewer than 3 members are listed', async () => {
      expect(await update({ electionCommittee: { ...ROSTER, members: ROSTER.members.slice(0, 2) } })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'ROSTER_TOO_SMALL' });
    });
    it('rejects when no member or two members are 主任', async () => {
      expect(await update({ electionCommittee: { ...ROSTER, members: ROSTER.members.map((m) => ({ ...m, role: 'member' })) } })).toMatchObject({ reason: 'ROSTER_CHAIR' });
      expect(await update({ electionCommittee: { ...ROSTER, members: ROSTER.members.map((m) => ({ ...m, role: 'chair' })) } })).toMatchObject({ reason: 'ROSTER_CHAIR' });
    });
    it('rejects when a member is in a group this village does not have', async () => {
      expect(await update({ electionCommittee: { ...ROSTER, members: [...ROSTER.members.slice(0, 2), { name: '张伟', role: 'member', group: '第九村民小组' }] } })).toMatchObject({ reason: 'UNKNOWN_GROUP' });
    });
    it('rejects when one person is listed twice', async () => {
      expect(await update({ electionCommittee: { ...ROSTER, members: [...ROSTER.members, ROSTER.members[0]] } })).toMatchObject({ reason: 'ROSTER_DUPLICATE' });
    });
    it('rejects when the meeting that chose it is dated in the future', async () => {
      expect(await update({ electionCommittee: { ...ROSTER, chosenOn: '2026-03-02' } })).toMatchObject({ reason: 'BAD_DATE' });
    });
    it('rejects a name that is not in Chinese characters, with a Chinese message', async () => {
      const r = await update({ electionCommittee: { ...ROSTER, members: [...ROSTER.members.slice(0, 2), { name: 'Zhang 3', role: 'member', group: G1 }] } });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '姓名只能是汉字' });
    });
    it('accepts an even roster with a warning (odd preferred)', async () => {
      const r = await must({ electionCommittee: { ...ROSTER, members: [...ROSTER.members, { name: '刘芳', role: 'member', group: G1 }] } });
      expect(r.warnings).toEqual(['选举委员会现在是4人，一般应为单数，便于表决']);
    });
    it('accepts a roster change after the voter list and on election day (a nominated member leaves), recording who left and who joined', async () => {
      await must({ electionCommittee: ROSTER });
      await t.ok('committee', { action: 'publishVoterList', electionId: f.electionId }, CLERK);
      t.setNow(at10(f.electionDay));
      const members = [...ROSTER.members.filter((m) => m.name !== '张伟'), { name: '刘芳', role: 'member', group: G1 }];
      expect(await update({ electionCommittee: { ...ROSTER, members } })).toMatchObject({ ok: true });
      expect((await audit()).at(-1)).toMatchObject({ data: { rosterAdded: '委员刘芳（第一村民小组）', rosterRemoved: '委员张伟（第二村民小组）' } });
    });
  });

  describe('voting arrangements (RULES.md §5)', () => {
    it('records hours, the central place, stations and mobile boxes', async () => {
      const r = await must({ voting: VOTING });
      expect(r.setup.voting).toMatchObject({ opensAt: '08:00', closesAt: '17:00', centralPlace: '村委会大院', centralGroups: [G1] });
      expect(r.warnings).toEqual([]);
    });
    it('rejects when voting ends before it starts', async () => {
      expect(await update({ voting: { ...VOTING, opensAt: '17:00', closesAt: '08:00' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_HOURS' });
    });
    it('rejects a time that is not HH:MM, in Chinese', async () => {
      expect(await update({ voting: { ...VOTING, opensAt: '8点' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '投票开始时间应为 08:00 这样的时刻（24小时制）' });
    });
    it('rejects two stations with one name', async () => {
      expect(await update({ voting: { ...VOTING, stations: [VOTING.stations[0], { name: '第一投票站', place: '村小学', groups: [G1] }] } })).toMatchObject({ reason: 'STATION_DUPLICATE' });
    });
    it('rejects when a group is sent to two stations', async () => {
      expect(await update({ voting: { ...VOTING, stations: [VOTING.stations[0], { name: '第二投票站', place: '村小学', groups: [G2] }] } })).toMatchObject({ reason: 'GROUP_TWICE' });
    });
    it('rejects a station serving a group the village does not have', async () => {
      expect(await update({ voting: { ...VOTING, stations: [{ ...VOTING.stations[0], groups: ['第九村民小组'] }] } })).toMatchObject({ reason: 'UNKNOWN_GROUP' });
    });
    it('rejects a mobile box from a station that is not set up', async () => {
      expect(await update({ voting: { ...VOTING, mobileBoxes: [{ station: '第五投票站', monitors: MONITORS }] } })).toMatchObject({ reason: 'UNKNOWN_STATION' });
    });
    it('rejects a mobile box with 2 monitors (at least 3)', async () => {
      expect(await update({ voting: { ...VOTING, mobileBoxes: [{ station: '中心会场', monitors: MONITORS.slice(0, 2) }] } })).toMatchObject({ reason: 'TOO_FEW_MONITORS' });
    });
    it('rejects one monitor on two boxes', async () => {
      const other = [MONITORS[0], { name: '刘芳', group: G2 }, { name: '杨丽', group: G2 }];
      expect(await update({ voting: { ...VOTING, mobileBoxes: [...VOTING.mobileBoxes, { station: '第一投票站', monitors: other }] } })).toMatchObject({ reason: 'MONITOR_TWICE' });
    });
    it('accepts more boxes than the guide (3 voters: 1 box) with a warning', async () => {
      const other = [{ name: '刘芳', group: G2 }, { name: '杨丽', group: G2 }, { name: '周勇', group: G1 }];
      const r = await must({ voting: { ...VOTING, mobileBoxes: [...VOTING.mobileBoxes, { station: '第一投票站', monitors: other }] } });
      expect(r.warnings).toEqual([expect.stringContaining('一般不超过1个')]);
    });
    it('rejects a phone number written into a place', async () => {
      expect(await update({ voting: { ...VOTING, centralPlace: '村委会大院，电话13812345678' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '中心会场地点里请不要写身份证号码或手机号码' });
    });
    it('accepts a change on E−1, rejects one on election day', async () => {
      t.setNow(at10(addDays(f.electionDay, -1)));
      await must({ voting: VOTING });
      t.setNow(at10(f.electionDay));
      expect(await update({ voting: { ...VOTING, closesAt: '18:00' } })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'ELECTION_DAY_REACHED' });
    });
    it('accepts a preset change when the stored arrangements meet the new rules too (checked again)', async () => {
      await must({ voting: VOTING });
      expect(await update({ presetId: 'zhejiang' })).toMatchObject({ ok: true });
    });
  });

  describe('who and when', () => {
    it('rejects a caller who is not on the committee', async () => {
      expect(await update({ electionCommittee: ROSTER }, 'wx-villager')).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
    });
    it('rejects a form loaded before someone else changed the setup (stale revision)', async () => {
      const first = await must({ electionCommittee: ROSTER });
      expect(await update({ revision: first.revision - 1, voting: VOTING })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'STALE_REVISION' });
      expect(await update({ revision: first.revision, voting: VOTING })).toMatchObject({ ok: true, data: { revision: first.revision + 1 } });
    });
    it('rejects any change once the election is closed (the committee term ended with it)', async () => {
      await t.app.store.update('election', f.electionId, { status: 'closed' });
      expect(await update({ electionCommittee: ROSTER })).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'TERM_ENDED' });
    });
    it('rejects an unknown election', async () => {
      expect(await t.call('committee', { action: 'updateElection', electionId: 'e_nope' }, CLERK)).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'ELECTION_UNKNOWN' });
    });
  });
});
