import * as z from 'zod/mini';

/**
 * A handwritten signature (手写签名) as compact vectors: the pad's size and, per stroke, a flat
 * list of integer coordinates x0,y0,x1,y1,… in pad pixels. Nominations and proxy forms share it.
 * Stored only in private storage; the committee sees it through short-lived URLs (RULES.md §7).
 */
export const MAX_SIGNATURE_STROKES = 80;
export const MAX_SIGNATURE_POINTS = 6000;

const coordinate = z.int().check(z.gte(0), z.lte(4096));

export const signatureInputSchema = z.strictObject({
    width: z.int().check(z.gte(100), z.lte(4096)),
    height: z.int().check(z.gte(60), z.lte(4096)),
    strokes: z
      .array(z.array(coordinate).check(z.minLength(2), z.maxLength(MAX_SIGNATURE_POINTS * 2), z.refine((a) => a.length % 2 === 0, { error: '签名数据不完整' })), { error: '请先签名' }).check(z.minLength(1, { error: '请先在框里写上您的名字' }), z.maxLength(MAX_SIGNATURE_STROKES, { error: '签名笔画太多了，请清除后重写' })),
  }, { error: '请先签名' }).check(z.refine((s) => s.strokes.reduce((n, st) => n + st.length / 2, 0) <= MAX_SIGNATURE_POINTS, { error: '签名太复杂了，请清除后重写' }), z.refine((s) => s.strokes.reduce((n, st) => n + st.length / 2, 0) >= 10, { error: '签名太短了，请写上您的名字' }));
export type SignatureInput = z.infer<typeof signatureInputSchema>;
