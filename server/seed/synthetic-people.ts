/**
 * Synthetic people for the demo village. Nothing here is real: names are drawn from common
 * surname and given-name characters, and every ID number uses the area code 990101 — no such
 * province (GB/T 2260 codes stop at 82) — with a valid check digit so the flows work.
 */
import { idCheckChar } from '../../src/domain/id-number';
import { addDays, type CivilDate } from '../../src/domain/civil-date';
import type { RandomSource } from '../security/keyed-hash';

export const SYNTHETIC_AREA_CODE = '990101';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_M = '伟强军杰磊勇涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文德成永春海福贵东';
const GIVEN_F = '秀英芳娟敏静丽艳娜霞燕玲桂兰萍红梅琴云莲珍凤洁慧颖婷雪琳晶倩月华玉翠菊花荣';

function pick(rng: RandomSource, chars: string): string {
  return chars[rng.int(chars.length)]!;
}

export function syntheticName(rng: RandomSource, sex: 'M' | 'F', surname?: string): string {
  const s = surname ?? pick(rng, SURNAMES.slice(0, 40 + rng.int(SURNAMES.length - 40)));
  const pool = sex === 'M' ? GIVEN_M : GIVEN_F;
  return rng.int(10) < 7 ? s + pick(rng, pool) + pick(rng, pool) : s + pick(rng, pool);
}

/** A valid-format synthetic ID number for the given birth date and sex. */
export function syntheticIdNumber(rng: RandomSource, birthDate: CivilDate, sex: 'M' | 'F'): string {
  const seq = rng.int(500) * 2 + (sex === 'M' ? 1 : 0);
  const first17 = SYNTHETIC_AREA_CODE + birthDate.replace(/-/g, '') + String(seq).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

/** A birth date making the person `age` years old on `on` (day within the year drawn at random). */
export function birthDateForAge(rng: RandomSource, age: number, on: CivilDate): CivilDate {
  const year = Number(on.slice(0, 4)) - age - 1;
  const monthDay = on.slice(5) === '02-29' ? '02-28' : on.slice(5);
  return addDays(`${year}-${monthDay}`, 1 + rng.int(364));
}
