import * as idNumber from '../../src/domain/id-number';
import { ageOn, idCheckChar, isBornBy, normalizeIdNumber, parseIdNumber } from '../../src/domain/id-number';

const VALID = ['11010519491231002X', '440524188001010014', '34052419800101001X', '370101190102039973'];

/** A number with a correct check character for any 17 leading digits. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('parseIdNumber (GB 11643-1999)', () => {
  it.each(VALID)('accepts when %s is a published valid vector', (id) => {
    const r = parseIdNumber(id);
    expect(r.ok).toBe(true);
  });

  it('accepts when the check character is an upper-case X and derives birth date and sex', () => {
    const r = parseIdNumber('11010519491231002X');
    expect(r).toEqual({ ok: true, value: { normalized: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31', sex: 'F' } });
  });

  it('accepts when the check character is a lower-case x', () => {
    const r = parseIdNumber('34052419800101001x');
    expect(r.ok && r.value.normalized).toBe('34052419800101001X');
    expect(r.ok && r.value.sex).toBe('M');
  });

  it('accepts when the input is full-width digits and Ｘ with spaces and hyphens', () => {
    const r = parseIdNumber(' １１０１０５－１９４９１２３１－００２Ｘ ');
    expect(r.ok && r.value.normalized).toBe('11010519491231002X');
    expect(parseIdNumber('110105 19491231 002ｘ').ok).toBe(true);
  });

  it('accepts when the birth year is 1880 or 1901 (old vectors)', () => {
    const a = parseIdNumber('440524188001010014');
    const b = parseIdNumber('370101190102039973');
    expect(a.ok && a.value.birthDate).toBe('1880-01-01');
    expect(b.ok && b.value.birthDate).toBe('1901-02-03');
    expect(b.ok && b.value.sex).toBe('M');
  });

  it('rejects when the number is too short or too long', () => {
    expect(parseIdNumber('11010519491231002')).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'ID_LENGTH' });
    expect(parseIdNumber('11010519491231002X1')).toMatchObject({ reason: 'ID_LENGTH' });
  });

  it('rejects when it is an old 15-digit number, saying so', () => {
    const r = parseIdNumber('110105491231002');
    expect(r).toMatchObject({ reason: 'ID_LENGTH' });
    expect(!r.ok && r.message).toContain('15位');
  });

  it('rejects when a letter other than the final X appears', () => {
    expect(parseIdNumber('1101051949123100X2')).toMatchObject({ reason: 'ID_CHARS' });
    expect(parseIdNumber('11010519491231002A')).toMatchObject({ reason: 'ID_CHARS' });
  });

  it('rejects when the check character is wrong, with a Chinese message', () => {
    const r = parseIdNumber('110105194912310021');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'ID_CHECK_DIGIT', message: '身份证号码校验位不对，请核对最后一位' });
  });

  it.each([
    ['Feb 30', '110105' + '20000230' + '001'],
    ['Feb 29 of a common year', '110105' + '19990229' + '001'],
    ['month 13', '110105' + '19991301' + '001'],
    ['day 00', '110105' + '19990100' + '001'],
    ['a year before 1800 (the standard sample 1880 is the earliest seen)', '110105' + '17991231' + '001'],
    ['year 0000', '110105' + '00000101' + '001'],
  ])('rejects when the birth date is impossible: %s', (_why, first17) => {
    const r = parseIdNumber(withCheck(first17));
    expect(r).toMatchObject({ ok: false, reason: 'ID_BIRTH_DATE' });
    expect(!r.ok && r.message).toMatch(/出生日期/);
  });

  it('accepts when the birth date is Feb 29 of a leap year', () => {
    const r = parseIdNumber(withCheck('110105200802290' + '12'));
    expect(r.ok && r.value.birthDate).toBe('2008-02-29');
  });

  it('derives sex from the parity of the 17th digit (odd = male)', () => {
    const m = parseIdNumber(withCheck('1101051990010100' + '1'));
    const f = parseIdNumber(withCheck('1101051990010100' + '2'));
    expect(m.ok && m.value.sex).toBe('M');
    expect(f.ok && f.value.sex).toBe('F');
  });
});

describe('idCheckChar', () => {
  it('computes X for a sum ≡ 2 (mod 11)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });
  it('rejects when it is not given 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
  });
});

describe('isBornBy (no clock in parseIdNumber)', () => {
  it('accepts when the birth date is today or earlier', () => {
    expect(isBornBy({ birthDate: '2026-05-10' }, '2026-05-10')).toBe(true);
  });
  it('rejects when the birth date is after today', () => {
    expect(isBornBy({ birthDate: '2026-05-11' }, '2026-05-10')).toBe(false);
  });
});

describe('normalizeIdNumber', () => {
  it('trims, removes spaces and hyphens, converts full width and upper-cases x', () => {
    expect(normalizeIdNumber('\u3000３４０５２４ 1980-0101 001x ')).toBe('34052419800101001X');
  });
});

describe('no masked form (RULES.md §7 as amended)', () => {
  it('offers no function that keeps digits of the number (a first-4 + last-4 mask rebuilds it)', () => {
    expect(Object.keys(idNumber).filter((k) => /mask/i.test(k))).toEqual([]);
  });
});

describe('ageOn (completed years, 周岁)', () => {
  it('accepts when the birthday is the day itself', () => {
    expect(ageOn('2008-05-10', '2026-05-10')).toBe(18);
  });
  it('rejects when the day before the birthday', () => {
    expect(ageOn('2008-05-10', '2026-05-09')).toBe(17);
  });
  it('counts a Feb 29 birth as reaching the age on Feb 28 of a common year (民法典 Art. 202)', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});
