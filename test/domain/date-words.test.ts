import { clockWords, dateWords, instantDayWords, instantWords, weekdayWords } from '../../src/domain/date-words';

describe('dateWords (a date as a person reads it)', () => {
  it('writes year, month, day without leading zeros and the weekday in brackets', () => {
    expect(dateWords('2027-01-08')).toBe('2027年1月8日（星期五）');
    expect(dateWords('2026-05-10')).toBe('2026年5月10日（星期日）');
  });
  it('leaves out the year or the weekday only when asked', () => {
    expect(dateWords('2027-01-08', { year: false })).toBe('1月8日（星期五）');
    expect(dateWords('2027-01-08', { weekday: false })).toBe('2027年1月8日');
  });
  it('returns text that is not a date as it is (never a wrong date)', () => {
    expect(dateWords('2026-02-30')).toBe('2026-02-30');
    expect(weekdayWords('soon')).toBe('');
  });
});

describe('instantWords (Beijing time, whatever the host zone)', () => {
  it('rolls over to the next Beijing day at 16:00 UTC', () => {
    expect(instantWords('2027-01-07T16:05:00.000Z')).toBe('2027年1月8日（星期五）00:05');
    expect(instantDayWords('2027-01-07T15:59:00.000Z')).toBe('2027年1月7日（星期四）');
  });
  it('takes epoch milliseconds and Dates alike', () => {
    const t = Date.parse('2027-01-08T06:30:00.000Z');
    expect(instantWords(t)).toBe(instantWords(new Date(t)));
    expect(clockWords(t)).toBe('14:30');
  });
  it('writes nothing for an invalid instant', () => {
    expect(instantWords('not a time')).toBe('');
  });
});
