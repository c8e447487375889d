import { buildCalendar } from '../../src/domain/calendar';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import { voterTodos } from '../../src/domain/voter-todo';

const r = resolveRuleSet('national', 'village', '2026-05-10');
if (!r.ok) throw new Error('no rules');
const calendar = buildCalendar({ electionDay: '2026-05-10' }, r.value);

describe('voterTodos', () => {
  it('asks a pending migrant (category B) to declare participation, then to check the entry', () => {
    const t = voterTodos({ category: 'B', status: 'pending', confirmed: false }, calendar);
    expect(t.map((x) => x.key)).toEqual(['declare', 'confirm']);
    expect(t[0]?.deadline).toBe('2026-04-19T16:00:00.000Z');
    expect(t[1]?.deadline).toBe('2026-04-25T16:00:00.000Z');
  });
  it('asks a pending non-户籍 resident (category C) to apply', () => {
    expect(voterTodos({ category: 'C', status: 'pending', confirmed: true }, calendar).map((x) => x.key)).toEqual(['apply']);
  });
  it('asks nothing of a registered voter who has confirmed', () => {
    expect(voterTodos({ category: 'A', status: 'registered', confirmed: true }, calendar)).toEqual([]);
  });
  it('tells a voter left off the list that they may object', () => {
    expect(voterTodos({ category: 'A', status: 'deprived', confirmed: false }, calendar).map((x) => x.key)).toEqual(['object']);
  });
});
