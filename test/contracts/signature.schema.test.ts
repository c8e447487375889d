import '../../src/contracts/zod-locale';
import { MAX_SIGNATURE_COORDINATE, MAX_SIGNATURE_POINTS, MAX_SIGNATURE_STROKES, signatureInputSchema } from '../../src/contracts/signature.schema';

const stroke = (points: number, x0 = 10) => Array.from({ length: points }, (_, i) => [x0 + (i % 200), 20 + (i % 100)]).flat();
const sig = (strokes: number[][]) => ({ width: 320, height: 160, strokes });
const messageOf = (v: unknown) => {
  const r = signatureInputSchema.safeParse(v);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('signatureInputSchema', () => {
  it('takes a name of 20 strokes and 600 points as sent, same array', () => {
    const input = sig(Array.from({ length: 20 }, (_, s) => stroke(30, s)));
    const r = signatureInputSchema.safeParse(input);
    expect(r.success).toBe(true);
    expect(r.data!.strokes).toEqual(input.strokes);
  });

  it.each([
    ['a fractional coordinate', [1, 2, 3, 4.5, ...stroke(8)]],
    ['a negative coordinate', [1, 2, -3, 4, ...stroke(8)]],
    ['a coordinate outside the pad', [1, 2, MAX_SIGNATURE_COORDINATE + 1, 4, ...stroke(8)]],
    ['a text coordinate', [1, 2, '3', 4, ...stroke(8)]],
    ['half a point', [...stroke(10), 7]],
    ['a single number', [7]],
  ])('refuses %s with one plain message', (_, bad) => {
    expect(messageOf(sig([stroke(10), bad as number[]]))).toBe('签名数据不完整，请清除后重写');
  });

  it('refuses no ink, too many strokes, too many points and too few points with their own messages', () => {
    expect(messageOf(sig([]))).toBe('请先在框里写上您的名字');
    expect(messageOf(sig(Array.from({ length: MAX_SIGNATURE_STROKES + 1 }, () => stroke(2))))).toBe('签名笔画太多了，请清除后重写');
    expect(messageOf(sig(Array.from({ length: 3 }, () => stroke(MAX_SIGNATURE_POINTS / 2))))).toBe('签名太复杂了，请清除后重写');
    expect(messageOf(sig([stroke(4)]))).toBe('签名太短了，请写上您的名字');
    expect(messageOf({ width: 320, height: 160 })).toBe('请先签名');
  });
});
