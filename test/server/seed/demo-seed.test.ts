import { buildCalendar, phaseAt } from '../../../src/domain/calendar';
import { addDays, compareCivil, shanghaiDateOf } from '../../../src/domain/civil-date';
import { resolveRuleSet } from '../../../src/domain/presets/registry';
import { SEED_PHASES, electionDayForPhase } from '../../../server/seed/demo-seed';
import { syntheticIdNumber } from '../../../server/seed/synthetic-people';
import { seededRandom } from '../../../server/security/keyed-hash';
import { parseIdNumber } from '../../../src/domain/id-number';

describe('demo seed', () => {
  const now = new Date('2026-11-22T03:00:00.000Z');

  it.each(SEED_PHASES.map((p) => [p]))('finds an election day that puts today in the %s phase', (phase) => {
    const e = electionDayForPhase(phase, now);
    const rules = resolveRuleSet('national', 'village', e);
    if (!rules.ok) throw new Error('no rules');
    const publishedBy = addDays(e, -rules.value.voterList.publishDaysBefore);
    const published = compareCivil(publishedBy, shanghaiDateOf(now)) < 0 ? publishedBy : null;
    expect(phaseAt(buildCalendar({ electionDay: e, voterListPublishedOn: published }, rules.value), now).phase).toBe(phase);
  });

  it('generates valid ID numbers under an area code that does not exist', () => {
    const rng = seededRandom(1);
    for (let i = 0; i < 200; i++) {
      const id = syntheticIdNumber(rng, '1990-02-28', i % 2 ? 'F' : 'M');
      const parsed = parseIdNumber(id);
      expect(parsed.ok && parsed.value.sex).toBe(i % 2 ? 'F' : 'M');
      expect(id.startsWith('990101')).toBe(true);
    }
  });
});
