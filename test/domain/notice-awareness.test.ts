import { computeAwareness, formatRate, rateOf, type AwarenessVoter } from '../../src/domain/notice-awareness';

const v = (id: string, group: string, category: 'A' | 'B' | 'C' = 'A'): AwarenessVoter => ({ id, group, category });

describe('知晓率 = readers / registered voters', () => {
  const voters = [v('1', '一组'), v('2', '一组'), v('3', '一组', 'B'), v('4', '二组', 'B'), v('5', '二组', 'C'), v('6', '二组')];
  const a = computeAwareness(voters, new Set(['1', '3', '5', 'not-a-voter']), ['一组', '二组', '三组']);

  it('counts only registered voters among the readers', () => {
    expect(a.overall).toEqual({ readers: 3, registered: 6, rate: 0.5 });
  });
  it('is computed per group, in the village order, an empty group with no rate', () => {
    expect(a.byGroup).toEqual([
      { group: '一组', readers: 2, registered: 3, rate: 0.6667 },
      { group: '二组', readers: 1, registered: 3, rate: 0.3333 },
      { group: '三组', readers: 0, registered: 0, rate: null },
    ]);
  });
  it('counts migrants (category B) apart from residents (A and C)', () => {
    expect(a.migrants).toEqual({ readers: 1, registered: 2, rate: 0.5 });
    expect(a.residents).toEqual({ readers: 2, registered: 4, rate: 0.5 });
  });
  it('lists a group only voters name after the village groups', () => {
    expect(computeAwareness([v('1', '新组')], new Set(), ['一组']).byGroup.map((g) => g.group)).toEqual(['一组', '新组']);
  });
  it('formats rates for people', () => {
    expect(formatRate(rateOf(5, 6).rate)).toBe('83.3%');
    expect(formatRate(rateOf(0, 0).rate)).toBe('—');
    expect(formatRate(1)).toBe('100.0%');
  });
});
