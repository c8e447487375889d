import { charStroke, compareByStroke, sortByStroke, strokeKey, surnameOf } from '../../src/domain/stroke-order';

/** Standard stroke counts (现代汉语通用字表), checked by hand. */
const STANDARD_COUNTS: Record<string, number> = {
  马: 3, 王: 4, 刘: 6, 张: 7, 陈: 7, 黄: 11, 赵: 9, 周: 8, 吴: 7, 徐: 10, 孙: 6, 胡: 9, 朱: 6, 高: 10, 林: 8,
  何: 7, 郭: 10, 罗: 8, 郑: 8, 梁: 11, 谢: 12, 宋: 7, 唐: 10, 许: 6, 韩: 12, 冯: 5, 邓: 4, 曹: 11, 彭: 12,
  曾: 12, 萧: 11, 田: 5, 董: 12, 潘: 15, 袁: 10, 于: 3, 蒋: 12, 蔡: 14, 余: 7, 杜: 7, 叶: 5, 程: 12, 苏: 7,
  魏: 17, 吕: 6, 丁: 2, 任: 6, 沈: 7, 姚: 9, 卢: 5, 姜: 9, 崔: 11, 钟: 9, 谭: 14, 陆: 7, 汪: 7, 范: 8, 金: 8,
  石: 5, 廖: 14, 贾: 10, 夏: 10, 韦: 4, 付: 5, 方: 4, 白: 5, 邹: 7, 孟: 8, 熊: 14, 秦: 10, 邱: 7, 江: 6,
  尹: 4, 薛: 16, 闫: 6, 段: 9, 雷: 13, 侯: 9, 龙: 5, 史: 5, 陶: 10, 黎: 15, 贺: 9, 顾: 10, 毛: 4, 郝: 9,
  龚: 11, 邵: 7, 万: 3, 钱: 10, 严: 7, 覃: 12, 武: 8, 戴: 17, 莫: 10, 孔: 4, 向: 6, 汤: 6, 乙: 1, 卜: 2,
  刁: 2, 弓: 3, 门: 3, 李: 7, 杨: 7, 肖: 7, 欧: 8, 司: 5, 诸: 10, 皙: 13, 郤: 9,
};

describe('stroke table (姓氏笔画 data)', () => {
  it.each(Object.entries(STANDARD_COUNTS))('accepts when %s has its standard %i strokes', (c, n) => {
    expect(charStroke(c)).toMatchObject({ known: true, strokes: n });
  });
  it('records stroke types in the five classes (1 横 2 竖 3 撇 4 点 5 折)', () => {
    expect(charStroke('王').sequence).toBe('1121');
    expect(charStroke('丁').sequence).toBe('12');
    expect(charStroke('卜').sequence).toBe('24');
    expect(charStroke('马').sequence).toBe('551');
    expect(charStroke('小').sequence).toBe('234');
  });
  it('covers frequent given-name characters too', () => {
    for (const c of '建国秀英伟芳明丽强敏军华平梅琪瑜婧钰萱梓晗玥喆堃') expect(charStroke(c).known).toBe(true);
  });
  it('rejects when a character is not in the table: unknown, no count', () => {
    expect(charStroke('𠀋')).toEqual({ char: '𠀋', known: false, strokes: null, sequence: '' });
  });
});

describe('compareByStroke: surname stroke count first', () => {
  it('accepts when 马 (3) comes before 王 (4)', () => {
    expect(compareByStroke('马丽', '王伟')).toBeLessThan(0);
  });
  it('orders by count regardless of code point or pinyin', () => {
    expect(sortByStroke(['魏强', '丁一', '王伟', '马丽', '黄敏', '乙平'], (x) => x)).toEqual(['乙平', '丁一', '马丽', '王伟', '黄敏', '魏强']);
  });
});

describe('compareByStroke: equal count, by stroke types 横 竖 撇 点 折', () => {
  it('accepts when 丁 (starts 横) comes before 卜 (starts 竖)', () => {
    expect(compareByStroke('丁明', '卜明')).toBeLessThan(0);
  });
  it('accepts when 王 < 毛 < 方 (4 strokes: 横 / 撇 / 点 first)', () => {
    expect(sortByStroke(['方明', '毛明', '王明'], (x) => x)).toEqual(['王明', '毛明', '方明']);
  });
  it('accepts when 孔 and 邓 (折 first) come after 方 (点 first)', () => {
    expect(sortByStroke(['邓明', '孔明', '方明'], (x) => x)[0]).toBe('方明');
  });
  it('compares the second stroke when the first is the same (王 1121 before 韦 1152)', () => {
    expect(compareByStroke('韦明', '王明')).toBeGreaterThan(0);
  });
});

describe('compareByStroke: same surname, then given name', () => {
  it('accepts when 王一 (given name 1 stroke) comes before 王二', () => {
    expect(compareByStroke('王一', '王二')).toBeLessThan(0);
  });
  it('accepts when the shorter given name comes first on a shared prefix', () => {
    expect(compareByStroke('王建', '王建国')).toBeLessThan(0);
  });
  it('is zero only for identical names, and total otherwise', () => {
    expect(compareByStroke('王伟', '王伟')).toBe(0);
    expect(compareByStroke('王伟', ' 王伟')).not.toBe(0);
    expect(Math.sign(compareByStroke('王伟', ' 王伟'))).toBe(-Math.sign(compareByStroke(' 王伟', '王伟')));
  });
  it('breaks ties between different characters of identical strokes by code point', () => {
    // 己 已 巳: three strokes 折横折 each.
    expect(charStroke('己').sequence).toBe(charStroke('已').sequence);
    expect(sortByStroke(['巳明', '已明', '己明'], (x) => x)).toEqual(['己明', '已明', '巳明']);
  });
});

describe('compound surnames (复姓)', () => {
  it.each(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离'])(
    'accepts when %s starts a name of three characters',
    (s) => {
      expect(surnameOf(`${s}明`)).toBe(s);
      expect(strokeKey(`${s}明`).compound).toBe(true);
    },
  );
  it('rejects when the name has only two characters (surname + given name)', () => {
    expect(surnameOf('欧阳')).toBe('欧');
  });
  it('takes the first character of an ordinary name', () => {
    expect(surnameOf('王建国')).toBe('王');
    expect(surnameOf(' 王 建国 ')).toBe('王');
  });
  it('sorts a compound surname by its first character (欧阳 with 欧, 8 strokes, after 王 and before 赵)', () => {
    expect(sortByStroke(['赵六', '欧阳明', '王五'], (x) => x)).toEqual(['王五', '欧阳明', '赵六']);
  });
  it('puts the single surname before the compound one sharing its first character', () => {
    expect(sortByStroke(['司马光', '司徒雷', '司明'], (x) => x)).toEqual(['司明', '司马光', '司徒雷']);
    expect(sortByStroke(['欧阳明', '欧一'], (x) => x)).toEqual(['欧一', '欧阳明']);
  });
});

describe('strokeKey', () => {
  it('exposes surname, given name and counts', () => {
    const k = strokeKey('欧阳修');
    expect(k).toMatchObject({ name: '欧阳修', surname: '欧阳', givenName: '修', compound: true, known: true, unknownChars: [] });
    expect(k.surnameChars.map((c) => c.strokes)).toEqual([8, 6]);
  });
  it('rejects when a character is missing from the table: known is false and the character is named', () => {
    const k = strokeKey('王𠀋');
    expect(k.known).toBe(false);
    expect(k.unknownChars).toEqual(['𠀋']);
  });
});

describe('unknown characters', () => {
  it('sort after every known character, by code point among themselves', () => {
    expect(charStroke('龘').known).toBe(false);
    // 龘 U+9F98 < 𠀀 U+20000 < 𠀋 U+2000B; 魏 (17 strokes, known) still comes before all of them.
    expect(sortByStroke(['𠀋明', '龘明', '魏明', '𠀀明'], (x) => x)).toEqual(['魏明', '龘明', '𠀀明', '𠀋明']);
  });
  it('puts a name with an unknown given-name character after the same surname with known ones', () => {
    expect(sortByStroke(['王𠀋', '王龙'], (x) => x)).toEqual(['王龙', '王𠀋']);
  });
});

describe('sortByStroke', () => {
  it('is stable for identical names and does not mutate its input', () => {
    const people = [
      { id: 1, name: '张伟' },
      { id: 2, name: '王芳' },
      { id: 3, name: '张伟' },
    ];
    const copy = [...people];
    expect(sortByStroke(people, (p) => p.name).map((p) => p.id)).toEqual([2, 1, 3]);
    expect(people).toEqual(copy);
  });
  it('orders a real-looking candidate list', () => {
    const list = ['黄敏', '陈明', '张伟', '刘芳', '李秀英', '王建国', '杨丽', '赵强'];
    // 王 4 | 刘 6 | 7 strokes: 李 1234521 < 杨 1234533 < 张 5153154 < 陈 5215234 | 赵 9 | 黄 11
    expect(sortByStroke(list, (x) => x)).toEqual(['王建国', '刘芳', '李秀英', '杨丽', '张伟', '陈明', '赵强', '黄敏']);
  });
});

describe('independence from ICU (zh-u-co-stroke is not used)', () => {
  afterEach(() => jest.restoreAllMocks());
  it('sorts without calling localeCompare or Intl.Collator', () => {
    const lc = jest.spyOn(String.prototype, 'localeCompare').mockImplementation(() => {
      throw new Error('localeCompare used');
    });
    const coll = jest.spyOn(Intl, 'Collator').mockImplementation(() => {
      throw new Error('Intl.Collator used');
    });
    expect(sortByStroke(['卜明', '丁明', '方明', '王明'], (x) => x)).toEqual(['丁明', '卜明', '王明', '方明']);
    expect(lc).not.toHaveBeenCalled();
    expect(coll).not.toHaveBeenCalled();
  });
});
