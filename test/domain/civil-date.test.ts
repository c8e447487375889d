import {
  addDays,
  addYearsClamped,
  compareCivil,
  diffDays,
  endOfShanghaiDay,
  isCivilDate,
  shanghaiDateOf,
  startOfShanghaiDay,
} from '../../src/domain/civil-date';

describe('isCivilDate (a real calendar date)', () => {
  it.each(['2026-05-10', '2028-02-29', '2000-02-29', '1900-01-01', '2026-12-31'])('accepts when %s exists', (d) => {
    expect(isCivilDate(d)).toBe(true);
  });
  it.each([
    ['Feb 30', '2026-02-30'],
    ['Feb 29 of a common year', '2026-02-29'],
    ['Feb 29 of 1900 (not a leap year)', '1900-02-29'],
    ['month 13', '2026-13-01'],
    ['day 0', '2026-05-00'],
    ['April 31', '2026-04-31'],
    ['the format is not YYYY-MM-DD', '2026-5-10'],
    ['there is a time part', '2026-05-10T00:00'],
    ['it is empty', ''],
  ])('rejects when %s', (_why, d) => {
    expect(isCivilDate(d)).toBe(false);
  });
});

describe('addDays / diffDays', () => {
  it('accepts when crossing a month end', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('accepts when E−20 lands on a month end (2026-03-20 → 2026-02-28, 2028-03-20 → 2028-02-29)', () => {
    expect(addDays('2026-03-20', -20)).toBe('2026-02-28');
    expect(addDays('2028-03-20', -20)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -20)).toBe('2026-02-09');
  });
  it('accepts when the difference spans a leap day', () => {
    expect(diffDays('2028-02-28', '2028-03-01')).toBe(2);
    expect(diffDays('2026-02-28', '2026-03-01')).toBe(1);
    expect(diffDays('2026-05-10', '2026-04-20')).toBe(-20);
  });
  it('is the inverse of addDays over a long range', () => {
    for (let n = -800; n <= 800; n += 37) expect(diffDays('2026-05-10', addDays('2026-05-10', n))).toBe(n);
  });
  it('rejects when the date is not a calendar date or the count is fractional', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('compareCivil', () => {
  it('orders dates like a comparator', () => {
    expect(compareCivil('2026-02-28', '2026-03-01')).toBeLessThan(0);
    expect(compareCivil('2026-03-01', '2026-03-01')).toBe(0);
    expect(compareCivil('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
  });
});

describe('Asia/Shanghai day boundaries (fixed UTC+8)', () => {
  it('accepts when the instant is the last millisecond of the Shanghai day', () => {
    expect(shanghaiDateOf(new Date('2026-05-09T15:59:59.999Z'))).toBe('2026-05-09');
  });
  it('accepts when the instant is Shanghai midnight', () => {
    expect(shanghaiDateOf(new Date('2026-05-09T16:00:00.000Z'))).toBe('2026-05-10');
  });
  it('gives the start and the exclusive end of a day', () => {
    expect(startOfShanghaiDay('2026-05-10').toISOString()).toBe('2026-05-09T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-05-10').toISOString()).toBe('2026-05-10T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-02-28').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
  it('does not depend on the host time zone', () => {
    // A UTC instant late on Dec 31 is already Jan 1 in Shanghai.
    expect(shanghaiDateOf(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });
  it('rejects when the Date is invalid', () => {
    expect(() => shanghaiDateOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('addYearsClamped (民法典 Art. 202)', () => {
  it('accepts when the corresponding day exists', () => {
    expect(addYearsClamped('2008-05-10', 18)).toBe('2026-05-10');
  });
  it('clamps to the month end when there is no corresponding day (2008-02-29 + 18y = 2026-02-28)', () => {
    expect(addYearsClamped('2008-02-29', 18)).toBe('2026-02-28');
    expect(addYearsClamped('2008-02-29', 20)).toBe('2028-02-29');
    expect(addYearsClamped('2026-02-28', -18)).toBe('2008-02-28');
  });
});
