import * as z from 'zod/mini';

/**
 * A handwritten signature (手写签名) as compact vectors: the pad's size and, per stroke, a flat
 * list of integer coordinates x0,y0,x1,y1,… in pad pixels. Nominations and proxy forms share it.
 * Stored only in private storage; the committee sees it through short-lived URLs (RULES.md §7).
 */
export const MAX_SIGNATURE_STROKES = 80;
export const MAX_SIGNATURE_POINTS = 6000;

export const MAX_SIGNATURE_COORDINATE = 4096;

const isCoordinate = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_SIGNATURE_COORDINATE;

/**
 * One stroke, checked in one loop: a zod schema per coordinate cost ≈ 0.15 µs a number, 177 µs
 * for a three-character name of 600 points, on every submission. The pad always sends whole
 * points of integers inside the pad, so any failure here is damaged data: one message for all.
 */
const strokeSchema = z.custom<number[]>(
  (a) => Array.isArray(a) && a.length >= 2 && a.length <= MAX_SIGNATURE_POINTS * 2 && a.length % 2 === 0 && a.every(isCoordinate),
  { error: '签名数据不完整，请清除后重写' },
);
// What the check accepts, for the JSON Schema of docs/api.md (a custom check has none of its own).
z.globalRegistry.add(strokeSchema, {
  description: 'x0,y0,x1,y1,… pad pixels',
  type: 'array',
  minItems: 2,
  maxItems: MAX_SIGNATURE_POINTS * 2,
  items: { type: 'integer', minimum: 0, maximum: MAX_SIGNATURE_COORDINATE },
});

export const signatureInputSchema = z.strictObject({
    width: z.int().check(z.gte(100), z.lte(MAX_SIGNATURE_COORDINATE)),
    height: z.int().check(z.gte(60), z.lte(MAX_SIGNATURE_COORDINATE)),
    strokes: z
      .array(strokeSchema, { error: '请先签名' }).check(z.minLength(1, { error: '请先在框里写上您的名字' }), z.maxLength(MAX_SIGNATURE_STROKES, { error: '签名笔画太多了，请清除后重写' })),
  }, { error: '请先签名' }).check(z.refine((s) => s.strokes.reduce((n, st) => n + st.length / 2, 0) <= MAX_SIGNATURE_POINTS, { error: '签名太复杂了，请清除后重写' }), z.refine((s) => s.strokes.reduce((n, st) => n + st.length / 2, 0) >= 10, { error: '签名太短了，请写上您的名字' }));
export type SignatureInput = z.infer<typeof signatureInputSchema>;
