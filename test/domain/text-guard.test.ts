import { containsIdOrPhone, idOrPhoneShapes, maskIdAndPhoneShapes, normalizeText, unsafeCharacters } from '../../src/domain/text-guard';

describe('the ID/phone guard reads obfuscated numbers as the number they spell (RULES.md §7)', () => {
  const phone = '13812345678';
  it.each([
    ['dots', '电话138.1234.5678'],
    ['zero-width spaces', `电话${phone.split('').join('\u200b')}`],
    ['full-width commas', '电话138，1234，5678'],
    ['full-width digits', '电话１３８１２３４５６７８'],
    ['word joiners and soft hyphens', `电话138\u20601234\u00ad5678`],
    ['spaces and hyphens', '电话 138 1234-5678'],
    ['ideographic full stops and middle dots', '电话138。1234·5678'],
  ])('rejects a mobile number written with %s', (_what, text) => {
    expect(idOrPhoneShapes(text)).toEqual(['phone']);
  });

  it.each([
    ['plain', '身份证11010519491231002X'],
    ['lower-case x with spaces', '110105 19491231 002x 号'],
    ['full-width digits and dots', '１１０１０５．１９４９１２３１．００２Ｘ'],
    ['15 digits', '老号码110105491231002'],
  ])('rejects an ID number written %s', (_what, text) => {
    expect(idOrPhoneShapes(text)).toEqual(['id']);
  });

  it('rejects a landline with its area code', () => {
    expect(containsIdOrPhone('村委会电话 0571-8888 8888')).toBe(true);
  });

  it.each(['2026-05-10、2026-05-13 两天', '2026.05.10 08:00 至 17:00', '第3组、第12组', '投票站 5 个，流动票箱 2 个'])('accepts dates and ordinary numbers: %s', (text) => {
    expect(containsIdOrPhone(text)).toBe(false);
  });

  it('does not read digits inside an ASCII word (hashes, document ids) as a number', () => {
    expect(containsIdOrPhone('hash a3b12345678901234c, id v_13812345678')).toBe(false);
  });

  it('masks what it finds and leaves the rest', () => {
    expect(maskIdAndPhoneShapes('王五 138.1234.5678，身份证11010519491231002X。')).toBe('王五 [PHONE]，身份证[ID]。');
  });

  it('normalizes NFKC and removes format characters', () => {
    expect(normalizeText('Ａ\u200bB\ufeff')).toBe('AB');
  });
});

describe('names and titles hold text only', () => {
  it('rejects NUL and other control characters', () => {
    expect(unsafeCharacters('王\u0000五')).toBe('CONTROL');
    expect(unsafeCharacters('王\u007f五')).toBe('CONTROL');
  });
  it('rejects bidi overrides, embeddings and isolates', () => {
    for (const c of ['\u202e', '\u202a', '\u2066', '\u2069', '\u200f']) expect(unsafeCharacters(`王${c}五`)).toBe('BIDI');
  });
  it('rejects lone surrogates', () => {
    expect(unsafeCharacters('王\ud800五')).toBe('SURROGATE');
    expect(unsafeCharacters('王\udc00')).toBe('SURROGATE');
  });
  it('accepts ordinary text, and line breaks only where the text is multi-line', () => {
    expect(unsafeCharacters('关于选举日的通知 𠀀')).toBeNull();
    expect(unsafeCharacters('第一行\n第二行')).toBe('CONTROL');
    expect(unsafeCharacters('第一行\n第二行', true)).toBeNull();
  });
});
