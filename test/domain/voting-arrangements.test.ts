import { centralPlaceGroups, checkVotingArrangements, mobileBoxGuideMax, minutesOf, type VotingArrangements } from '../../src/domain/voting-arrangements';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';

function rules(): RuleSet {
  const r = resolveRuleSet('national', 'village', '2026-05-10');
  if (!r.ok) throw new Error('no rules');
  return r.value;
}
const village = { groups: ['一组', '二组', '三组', '四组'], registeredVoters: 420 };
const monitors = [
  { name: '赵强', group: '一组' },
  { name: '黄敏', group: '二组' },
  { name: '陈明', group: '三组' },
];
const base: VotingArrangements = {
  opensAt: '08:00',
  closesAt: '17:00',
  centralPlace: '村委会大院',
  stations: [
    { name: '第一投票站', place: '村小学', groups: ['二组', '三组'] },
    { name: '第二投票站', place: '四组晒谷场', groups: ['四组'] },
  ],
  mobileBoxes: [{ station: '第一投票站', monitors }],
};
const check = (v: Partial<VotingArrangements>, voters = village.registeredVoters) => checkVotingArrangements({ ...base, ...v }, { ...village, registeredVoters: voters }, rules());

describe('checkVotingArrangements: hours', () => {
  it('accepts 08:00–17:00', () => {
    expect(check({})).toEqual({ ok: true, value: { warnings: [] } });
  });
  it('rejects when voting would end before it starts', () => {
    expect(check({ opensAt: '17:00', closesAt: '08:00' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_HOURS' });
  });
  it('rejects when it ends the minute it starts', () => {
    expect(check({ opensAt: '08:00', closesAt: '08:00' })).toMatchObject({ reason: 'BAD_HOURS' });
  });
  it('rejects a time of day that does not exist', () => {
    expect(check({ closesAt: '24:00' })).toMatchObject({ reason: 'BAD_HOURS' });
    expect(minutesOf('8:00')).toBeNull();
    expect(minutesOf('23:59')).toBe(1439);
  });
});

describe('checkVotingArrangements: stations', () => {
  it('rejects when two stations share a name, or a station is called 中心会场', () => {
    expect(check({ stations: [base.stations[0]!, { ...base.stations[1]!, name: '第一投票站' }] })).toMatchObject({ reason: 'STATION_DUPLICATE' });
    expect(check({ stations: [{ ...base.stations[0]!, name: '中心会场' }], mobileBoxes: [] })).toMatchObject({ reason: 'STATION_DUPLICATE' });
  });
  it('rejects when a station serves a group the village does not have', () => {
    expect(check({ stations: [{ ...base.stations[0]!, groups: ['五组'] }], mobileBoxes: [] })).toMatchObject({ reason: 'UNKNOWN_GROUP' });
  });
  it('rejects when one group is sent to two stations', () => {
    const r = check({ stations: [base.stations[0]!, { ...base.stations[1]!, groups: ['三组'] }] });
    expect(r).toMatchObject({ reason: 'GROUP_TWICE', message: '三组同时安排在第一投票站和第二投票站，每个小组只能去一个投票站' });
  });
  it('sends the groups no station serves to the central place', () => {
    expect(centralPlaceGroups(base, village.groups)).toEqual(['一组']);
  });
});

describe('checkVotingArrangements: mobile ballot boxes (≥ 3 monitors, RULES.md §5)', () => {
  it('rejects when a box sets out from a place that is not set up', () => {
    expect(check({ mobileBoxes: [{ station: '第九投票站', monitors }] })).toMatchObject({ reason: 'UNKNOWN_STATION' });
  });
  it('accepts a box from the central place', () => {
    expect(check({ mobileBoxes: [{ station: '中心会场', monitors }] }).ok).toBe(true);
  });
  it('rejects when a box has 2 monitors (preset minimum 3)', () => {
    const r = check({ mobileBoxes: [{ station: '第一投票站', monitors: monitors.slice(0, 2) }] });
    expect(r).toMatchObject({ reason: 'TOO_FEW_MONITORS', message: '第1号流动票箱至少要有3名监票人员，现在只有2名' });
  });
  it('rejects when the preset asks for 4 monitors and a box has 3', () => {
    const four = { ...rules(), voting: { ...rules().voting, mobileBoxMinMonitors: 4 } };
    expect(checkVotingArrangements(base, village, four)).toMatchObject({ reason: 'TOO_FEW_MONITORS' });
  });
  it('rejects when a monitor is listed twice on one box, or goes with two boxes', () => {
    expect(check({ mobileBoxes: [{ station: '第一投票站', monitors: [...monitors, monitors[0]!] }] })).toMatchObject({ reason: 'MONITOR_TWICE' });
    const other = [monitors[0]!, { name: '刘芳', group: '四组' }, { name: '杨丽', group: '四组' }];
    expect(check({ mobileBoxes: [{ station: '第一投票站', monitors }, { station: '第二投票站', monitors: other }] }, 900)).toMatchObject({ reason: 'MONITOR_TWICE' });
  });
  it('rejects when a monitor’s group is not a group of the village', () => {
    expect(check({ mobileBoxes: [{ station: '第一投票站', monitors: [...monitors.slice(0, 2), { name: '刘芳', group: '九组' }] }] })).toMatchObject({ reason: 'UNKNOWN_GROUP' });
  });
});

describe('mobile box guide (≤ 1 per ≤ 500 voters, ≤ 2 per 500–1,000): a warning, not a refusal', () => {
  const two = [
    { station: '第一投票站', monitors },
    { station: '第二投票站', monitors: [{ name: '刘芳', group: '四组' }, { name: '杨丽', group: '四组' }, { name: '周勇', group: '一组' }] },
  ];
  it('accepts two boxes for 420 voters, with a warning', () => {
    const r = check({ mobileBoxes: two }, 420);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.warnings).toEqual([expect.stringContaining('一般不超过1个')]);
  });
  it('accepts two boxes for 501 voters without a warning', () => {
    expect(check({ mobileBoxes: two }, 501)).toEqual({ ok: true, value: { warnings: [] } });
  });
  it('gives the guide per band, and none above its last band or before anyone is registered', () => {
    expect([500, 501, 1000, 1001].map((n) => mobileBoxGuideMax(n, rules()))).toEqual([1, 2, 2, null]);
    expect(check({ mobileBoxes: two }, 0)).toEqual({ ok: true, value: { warnings: [] } });
  });
});
