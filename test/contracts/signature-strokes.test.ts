import { MAX_SIGNATURE_POINTS, MAX_SIGNATURE_STROKES, signatureInputSchema } from '../../src/contracts/signature.schema';
import { drawSegment, StrokeRecorder } from '../../src/services/signature-strokes';
import type { InkContext } from '../../src/services/signature-strokes';

/** Writes a wavy stroke of `n` raw pointer samples, 1 px apart horizontally (as a finger reports them). */
function wave(r: StrokeRecorder, x0: number, y0: number, n: number) {
  r.begin(x0, y0);
  for (let i = 1; i <= n; i++) r.move(x0 + i, y0 + Math.round(10 * Math.sin(i / 8)));
  r.end();
}

describe('StrokeRecorder (signature pad vectors)', () => {
  it('records integer flat strokes that pass signatureInputSchema', () => {
    const r = new StrokeRecorder(320, 220);
    wave(r, 20.4, 100.6, 120);
    wave(r, 150, 80, 60);
    const sig = r.toInput();
    expect(signatureInputSchema.safeParse(sig).success).toBe(true);
    expect(sig.width).toBe(320);
    expect(sig.strokes).toHaveLength(2);
    expect(sig.strokes[0]!.slice(0, 2)).toEqual([20, 101]);
    for (const s of sig.strokes) expect(s.every((v) => Number.isInteger(v))).toBe(true);
  });

  it('thins samples closer than 3 px: 120 one-pixel moves keep far fewer points', () => {
    const r = new StrokeRecorder(320, 220);
    wave(r, 10, 100, 120);
    expect(r.pointCount).toBeLessThan(50);
    expect(r.pointCount).toBeGreaterThan(25);
    const s = r.toInput().strokes[0]!;
    for (let i = 2; i + 1 < s.length; i += 2) expect(Math.hypot(s[i]! - s[i - 2]!, s[i + 1]! - s[i - 1]!)).toBeGreaterThanOrEqual(3);
  });

  it('clamps points that leave the pad to its edges', () => {
    const r = new StrokeRecorder(200, 100);
    r.begin(-5, 50);
    r.move(250, 130);
    r.end();
    expect(r.toInput().strokes[0]).toEqual([0, 50, 200, 100]);
  });

  it('keeps a tap as a dot (a valid two-point stroke) and counts it', () => {
    const r = new StrokeRecorder(200, 100);
    r.begin(30, 40);
    r.end();
    expect(r.toInput().strokes[0]).toEqual([30, 40, 30, 40]);
    expect(r.pointCount).toBe(2);
  });

  it('a few taps are too short for the schema; clear() empties it', () => {
    const r = new StrokeRecorder(200, 100);
    for (let i = 0; i < 3; i++) {
      r.begin(10 * i, 10);
      r.end();
    }
    expect(signatureInputSchema.safeParse(r.toInput()).success).toBe(false);
    r.clear();
    expect(r.toInput().strokes).toEqual([]);
    expect(r.pointCount).toBe(0);
  });

  it('stops taking strokes at the stroke cap so the result never exceeds the schema', () => {
    const r = new StrokeRecorder(400, 200);
    for (let i = 0; i < MAX_SIGNATURE_STROKES + 5; i++) wave(r, 5, 50, 30);
    expect(r.strokeCount).toBe(MAX_SIGNATURE_STROKES);
    expect(r.full).toBe(true);
    expect(r.begin(10, 10)).toBeNull();
    expect(signatureInputSchema.safeParse(r.toInput()).success).toBe(true);
  });

  it('stops taking points at the point cap', () => {
    const r = new StrokeRecorder(4096, 4096, 1);
    r.begin(0, 0);
    for (let i = 1; i < MAX_SIGNATURE_POINTS + 100; i++) r.move(i % 4096, Math.floor(i / 4096) * 2);
    r.end();
    expect(r.pointCount).toBe(MAX_SIGNATURE_POINTS);
    expect(signatureInputSchema.safeParse(r.toInput()).success).toBe(true);
  });

  it('segments() replays what was drawn live', () => {
    const r = new StrokeRecorder(320, 220);
    const live = [r.begin(10, 10)];
    for (const [x, y] of [[20, 10], [21, 10], [30, 20]] as const) live.push(r.move(x, y));
    r.end();
    const drawn = live.filter((s) => s !== null);
    // The pen-down dot is drawn live but is not a segment of the stored stroke.
    expect(StrokeRecorder.segments(r.toInput())).toEqual(drawn.slice(1));
  });

  it('drawSegment paints a dot for a zero-length segment', () => {
    const calls: string[] = [];
    const ctx: InkContext = {
      lineWidth: 0, lineCap: '', lineJoin: '', strokeStyle: '',
      beginPath: () => calls.push('begin'),
      moveTo: (x, y) => calls.push(`m${x},${y}`),
      lineTo: (x, y) => calls.push(`l${x},${y}`),
      stroke: () => calls.push('stroke'),
      clearRect: () => undefined,
    };
    drawSegment(ctx, { x0: 5, y0: 6, x1: 5, y1: 6 });
    expect(calls).toEqual(['begin', 'm5,6', 'l5.1,6', 'stroke']);
    expect(ctx.lineCap).toBe('round');
  });
});
