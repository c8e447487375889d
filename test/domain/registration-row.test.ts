import { idCheckChar } from '../../src/domain/id-number';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';
import { checkRollRow, ID_NUMBER_REMOVED, maskPhone, matchGroup, parseDateText, scrubNote, type RollRowInput } from '../../src/domain/registration-row';

const rules = (): RuleSet => {
  const r = resolveRuleSet('national', 'village', '2026-05-10');
  if (!r.ok) throw new Error('rules');
  return r.value;
};
const env = { groups: ['第一村民小组', '第二村民小组', '第十二村民小组'], electionDay: '2026-05-10', today: '2026-03-01', rules: rules() };
const id = (birth: string, seq = '124') => {
  const first = `990101${birth.replace(/-/g, '')}${seq}`;
  return first + idCheckChar(first);
};
const row = (over: Partial<RollRowInput> = {}): RollRowInput => ({ row: 2, name: '王秀英', idNumber: id('1960-07-16'), group: '第一村民小组', category: 'A', ...over });

describe('checkRollRow', () => {
  it('accepts a complete row and gives the birth date and sex, no masked ID', () => {
    const r = checkRollRow(row(), env);
    expect(r).toMatchObject({ ok: true, value: { name: '王秀英', birthDate: '1960-07-16', sex: 'F', group: '第一村民小组', category: 'A' } });
    expect(r.ok && Object.keys(r.value)).not.toContain('idMasked');
  });
  it('rejects MISSING_FIELD naming every empty required column', () => {
    const r = checkRollRow(row({ name: '', group: ' ' }), env);
    expect(r).toMatchObject({ ok: false, reason: 'MISSING_FIELD' });
    if (!r.ok) expect(r.message).toBe('缺少姓名、村民小组');
  });
  it('rejects ID_CHECK_DIGIT when the last character is wrong', () => {
    const good = id('1960-07-16');
    const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    expect(checkRollRow(row({ idNumber: bad }), env)).toMatchObject({ ok: false, reason: 'ID_CHECK_DIGIT' });
  });
  it('rejects ID_BIRTH_DATE for an impossible birth date', () => {
    const first = '99010119610230123';
    expect(checkRollRow(row({ idNumber: first + idCheckChar(first) }), env)).toMatchObject({ ok: false, reason: 'ID_BIRTH_DATE' });
  });
  it('rejects ID_LENGTH and ID_CHARS', () => {
    expect(checkRollRow(row({ idNumber: '12345' }), env)).toMatchObject({ ok: false, reason: 'ID_LENGTH' });
    expect(checkRollRow(row({ idNumber: '9901011960071612A4' }), env)).toMatchObject({ ok: false, reason: 'ID_CHARS' });
  });
  it('rejects ID_CHARS with an Excel hint when the ID cell was a number', () => {
    const r = checkRollRow(row({ idWasNumber: true }), env);
    expect(r).toMatchObject({ ok: false, reason: 'ID_CHARS' });
    if (!r.ok) expect(r.message).toContain('文本');
    expect(checkRollRow(row({ idNumber: '9.90101196007161E+17' }), env)).toMatchObject({ ok: false, reason: 'ID_CHARS' });
  });
  it('accepts a person whose 18th birthday is election day', () => {
    expect(checkRollRow(row({ idNumber: id('2008-05-10') }), env)).toMatchObject({ ok: true });
  });
  it('rejects UNDER_18 when the 18th birthday is the day after election day', () => {
    expect(checkRollRow(row({ idNumber: id('2008-05-11') }), env)).toMatchObject({ ok: false, reason: 'UNDER_18' });
  });
  it('rejects UNKNOWN_GROUP, listing the village groups', () => {
    const r = checkRollRow(row({ group: '第三村民小组' }), env);
    expect(r).toMatchObject({ ok: false, reason: 'UNKNOWN_GROUP' });
    if (!r.ok) expect(r.message).toContain('第一村民小组、第二村民小组');
  });
  it('rejects BAD_CATEGORY with the accepted wordings', () => {
    const r = checkRollRow(row({ category: 'X' }), env);
    expect(r).toMatchObject({ ok: false, reason: 'BAD_CATEGORY' });
  });
  it('rejects BAD_NAME for Latin letters', () => {
    expect(checkRollRow(row({ name: 'Wang' }), env)).toMatchObject({ ok: false, reason: 'BAD_NAME' });
  });
  it('reports every problem of the row in one message, the reason being the first', () => {
    const r = checkRollRow(row({ idNumber: id('2008-05-11'), group: '九组', category: '?' }), env);
    expect(r).toMatchObject({ ok: false, reason: 'UNDER_18' });
    if (!r.ok) expect(r.message.split('；')).toHaveLength(3);
  });
  it('rejects MISSING_FIELD when a category C row has no residence start', () => {
    expect(checkRollRow(row({ category: 'C' }), env)).toMatchObject({ ok: false, reason: 'MISSING_FIELD' });
    expect(checkRollRow(row({ category: 'C', residenceSince: '' }), env)).toMatchObject({ ok: false, reason: 'MISSING_FIELD' });
  });
  it('rejects BAD_DATE for an unreadable or future residence start', () => {
    expect(checkRollRow(row({ category: 'C', residenceSince: '去年' }), env)).toMatchObject({ ok: false, reason: 'BAD_DATE' });
    expect(checkRollRow(row({ category: 'C', residenceSince: '2026-03-02' }), env)).toMatchObject({ ok: false, reason: 'BAD_DATE' });
  });
  it('accepts a category C row whose residence is too short so far, with a warning (the meeting decides)', () => {
    const r = checkRollRow(row({ category: 'C', residenceSince: '2025-05-11' }), env);
    expect(r).toMatchObject({ ok: true, value: { category: 'C', residenceSince: '2025-05-11' } });
    if (r.ok) expect(r.value.warnings.join()).toContain('不满1年');
  });
  it('keeps no residence date on a category A row', () => {
    expect(checkRollRow(row({ residenceSince: '2020-01-01' }), env)).toMatchObject({ ok: true, value: { residenceSince: null } });
  });
  it('stores only a masked phone, and warns instead of rejecting a malformed one', () => {
    expect(checkRollRow(row({ phone: '138 1234 5678' }), env)).toMatchObject({ ok: true, value: { phoneMasked: '138****5678' } });
    const r = checkRollRow(row({ phone: '打电话' }), env);
    expect(r).toMatchObject({ ok: true, value: { phoneMasked: null } });
    if (r.ok) expect(r.value.warnings).toContain('联系电话格式不对，没有保存');
  });
  it('leaves optional fields undefined when their column is absent', () => {
    expect(checkRollRow(row(), env)).toMatchObject({ ok: true, value: { phoneMasked: undefined, note: undefined } });
  });
  it('masks ID and phone numbers a clerk typed into the note', () => {
    const r = checkRollRow(row({ note: `儿子电话13912345678，身份证${id('1990-01-01')}` }), env);
    expect(r.ok && r.value.note).toBe(`儿子电话139****5678，身份证${ID_NUMBER_REMOVED}`);
  });
});

describe('matchGroup', () => {
  it('accepts the exact name and short forms naming one group', () => {
    expect(matchGroup('第一村民小组', env.groups)).toBe('第一村民小组');
    expect(matchGroup('一组', env.groups)).toBe('第一村民小组');
    expect(matchGroup('1组', env.groups)).toBe('第一村民小组');
    expect(matchGroup('第12村民小组', env.groups)).toBe('第十二村民小组');
    expect(matchGroup(' 第二小组 ', env.groups)).toBe('第二村民小组');
  });
  it('rejects a group the village does not have', () => {
    expect(matchGroup('三组', env.groups)).toBeNull();
  });
});

describe('parseDateText', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.03.05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['45356', '2024-03-05'],
  ])('reads %s', (text, d) => {
    expect(parseDateText(text)).toBe(d);
  });
  it.each([['2024-02-30'], ['去年'], ['2024-03'], ['']])('rejects %s', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('maskPhone and scrubNote', () => {
  it('masks mobiles with or without +86, and landlines to their last four digits', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0571-88886666')).toBe('********6666');
    expect(maskPhone('12')).toBeNull();
  });
  it('leaves a note without numbers alone', () => {
    expect(scrubNote('长期在深圳务工')).toEqual({ text: '长期在深圳务工', masked: false });
  });
});
