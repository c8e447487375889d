import { buildCalendar } from '../../src/domain/calendar';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import { objectionWindowAt, openTodos, voterTodos, type VoterTodoInput } from '../../src/domain/voter-todo';

const r = resolveRuleSet('national', 'village', '2026-05-10');
if (!r.ok) throw new Error('no rules');
const calendar = buildCalendar({ electionDay: '2026-05-10' }, r.value);
/** The committee published on 2026-04-15, five days before the latest lawful day. */
const published = buildCalendar({ electionDay: '2026-05-10', voterListPublishedOn: '2026-04-15' }, r.value);

const v = (over: Partial<VoterTodoInput>): VoterTodoInput => ({ category: 'A', status: 'registered', confirmed: false, residence: null, ...over });
const keys = (input: VoterTodoInput, cal = calendar) => voterTodos(input, cal).map((x) => x.key);

describe('voterTodos', () => {
  describe('a migrant (category B) still pending', () => {
    it('asks them to declare participation, then to check the entry', () => {
      expect(keys(v({ category: 'B', status: 'pending' }))).toEqual(['declare', 'confirm']);
    });
    it('gives as the declaration deadline the end of the last lawful publication day (E−20), as the server accepts until publication', () => {
      const t = voterTodos(v({ category: 'B', status: 'pending' }), calendar);
      // E−20 = 2026-04-20, ends at 24:00 Asia/Shanghai; not E−21, the calendar's last registration day.
      expect(t[0]?.deadline).toBe('2026-04-20T16:00:00.000Z');
      expect(t[0]?.label).toContain('选民名单公布后就不能再表示');
      expect(t[1]?.deadline).toBe('2026-04-25T16:00:00.000Z');
    });
    it('stops asking them to declare once the list is published, and tells them to object instead', () => {
      const t = voterTodos(v({ category: 'B', status: 'pending' }), published);
      expect(t.map((x) => x.key)).toEqual(['object']);
      expect(t[0]?.deadline).toBe('2026-04-20T16:00:00.000Z');
    });
  });

  describe('a non-户籍 resident (category C)', () => {
    it('never asks an applicant on the roll to apply again: they wait for the meeting', () => {
      const t = voterTodos(v({ category: 'C', status: 'pending', confirmed: true }), calendar);
      expect(t.map((x) => x.key)).toEqual(['awaitMeeting']);
      expect(t[0]?.deadline).toBeNull();
      expect(t[0]?.label).toContain('村民会议或村民代表会议');
    });
    it('tells an applicant the meeting refused that they may object, and asks nothing else', () => {
      expect(keys(v({ category: 'C', status: 'pending', residence: 'rejected' }))).toEqual(['object']);
      expect(keys(v({ category: 'C', status: 'pending', residence: 'rejected' }), published)).toEqual(['object']);
    });
    it('treats an approved applicant as any registered voter', () => {
      expect(keys(v({ category: 'C', status: 'registered', residence: 'approved' }))).toEqual(['confirm']);
    });
    it('tells an applicant still undecided when the list came out to object', () => {
      expect(keys(v({ category: 'C', status: 'pending' }), published)).toEqual(['object']);
    });
  });

  it('asks nothing of a registered voter who has confirmed', () => {
    expect(voterTodos(v({ confirmed: true }), calendar)).toEqual([]);
  });
  it('asks a registered voter to check the entry after publication too', () => {
    expect(keys(v({}), published)).toEqual(['confirm']);
  });
  it('tells a voter left off the list that they may object', () => {
    expect(keys(v({ status: 'deprived' }))).toEqual(['object']);
    expect(keys(v({ status: 'movedAway' }))).toEqual(['object']);
  });
});

describe('objectionWindowAt', () => {
  it('is beforeList until the voter list is published', () => {
    expect(objectionWindowAt(calendar.entries, new Date('2026-04-01T00:00:00Z'))).toBe('beforeList');
  });
  it('is open from publication to the end of the filing day (Asia/Shanghai)', () => {
    const filing = published.entries.find((e) => e.key === 'objectionFiling')!;
    expect(objectionWindowAt(published.entries, new Date(Date.parse(filing.deadline) - 1))).toBe('open');
  });
  it('is closed from the first instant after the filing day', () => {
    const filing = published.entries.find((e) => e.key === 'objectionFiling')!;
    expect(objectionWindowAt(published.entries, new Date(filing.deadline))).toBe('closed');
  });
});

describe('openTodos', () => {
  const todos = [
    { key: 'confirm', label: '核对', deadline: '2026-11-24T16:00:00.000Z' },
    { key: 'awaitMeeting', label: '等会议', deadline: null },
  ];
  it('keeps a task until the last instant before its deadline', () => {
    expect(openTodos(todos, new Date(Date.parse('2026-11-24T16:00:00.000Z') - 1)).map((t) => t.key)).toEqual(['confirm', 'awaitMeeting']);
  });
  it('drops a task from its deadline on, and keeps one without a deadline', () => {
    expect(openTodos(todos, new Date('2026-11-24T16:00:00.000Z')).map((t) => t.key)).toEqual(['awaitMeeting']);
    expect(openTodos(todos, new Date('2026-12-06T12:00:00.000Z')).map((t) => t.key)).toEqual(['awaitMeeting']);
  });
});
