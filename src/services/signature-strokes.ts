import { MAX_SIGNATURE_POINTS, MAX_SIGNATURE_STROKES } from '../contracts/signature.schema';
import type { SignatureInput } from '../contracts/signature.schema';

/**
 * Records a handwritten signature (手写签名) as the compact integer vectors of
 * `signatureInputSchema`: the pad's size and one flat [x0,y0,x1,y1,…] array per stroke.
 * Pure (no canvas, no Taro) so both pad surfaces share it and node tests can drive it.
 *
 * Thinning: a point closer than `minStep` pad pixels to the last kept one is dropped — a finger
 * reports ~60 moves a second, most of them 1 px apart, and the schema caps the total at
 * MAX_SIGNATURE_POINTS. Once the cap is near, the pad stops taking ink rather than failing later.
 */

/** A segment to draw: from (x0,y0) to (x1,y1); a dot when both ends are the same. */
export interface InkSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const MIN_STEP_PX = 3;

export class StrokeRecorder {
  private strokes: number[][] = [];
  private current: number[] | null = null;
  private points = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly minStep = MIN_STEP_PX,
  ) {}

  /** Total points kept (what the schema counts). */
  get pointCount(): number {
    return this.points;
  }

  get strokeCount(): number {
    return this.strokes.length;
  }

  /** True when the pad cannot take another stroke (stroke or point cap reached). */
  get full(): boolean {
    return this.strokes.length >= MAX_SIGNATURE_STROKES || this.points >= MAX_SIGNATURE_POINTS - 1;
  }

  /** Pen down: starts a stroke; returns the dot to draw, or null when the pad is full. */
  begin(x: number, y: number): InkSegment | null {
    if (this.full) return null;
    const [px, py] = this.clamp(x, y);
    this.current = [px, py];
    this.strokes.push(this.current);
    this.points += 1;
    return { x0: px, y0: py, x1: px, y1: py };
  }

  /** Pen moves: keeps the point if far enough from the last one; returns the segment to draw. */
  move(x: number, y: number): InkSegment | null {
    const cur = this.current;
    if (!cur || this.points >= MAX_SIGNATURE_POINTS) return null;
    const [px, py] = this.clamp(x, y);
    const lx = cur[cur.length - 2]!;
    const ly = cur[cur.length - 1]!;
    if (Math.hypot(px - lx, py - ly) < this.minStep) return null;
    cur.push(px, py);
    this.points += 1;
    return { x0: lx, y0: ly, x1: px, y1: py };
  }

  /** Pen up. A tap (one point) is kept as a dot: stored as the point twice so it is a valid stroke. */
  end(): void {
    const cur = this.current;
    if (cur && cur.length === 2) {
      cur.push(cur[0]!, cur[1]!);
      this.points += 1;
    }
    this.current = null;
  }

  clear(): void {
    this.strokes = [];
    this.current = null;
    this.points = 0;
  }

  /** The signature as the server takes it (copies; the recorder can go on). */
  toInput(): SignatureInput {
    return { width: this.width, height: this.height, strokes: this.strokes.filter((s) => s.length >= 2).map((s) => s.slice()) };
  }

  /** Every segment of the recorded strokes, to repaint after a resize or to render a stored signature. */
  static segments(sig: Pick<SignatureInput, 'strokes'>): InkSegment[] {
    const out: InkSegment[] = [];
    for (const s of sig.strokes) {
      for (let i = 0; i + 3 < s.length; i += 2) out.push({ x0: s[i]!, y0: s[i + 1]!, x1: s[i + 2]!, y1: s[i + 3]! });
      if (s.length === 2) out.push({ x0: s[0]!, y0: s[1]!, x1: s[0]!, y1: s[1]! });
    }
    return out;
  }

  private clamp(x: number, y: number): [number, number] {
    const cx = Math.min(this.width, Math.max(0, Math.round(x)));
    const cy = Math.min(this.height, Math.max(0, Math.round(y)));
    return [cx, cy];
  }
}

/** What a canvas 2D context offers that the pad uses (the weapp node context and the DOM one both fit). */
export interface InkContext {
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  strokeStyle: string | object;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  clearRect(x: number, y: number, w: number, h: number): void;
}

export const INK_COLOR = '#1a1a1a';
export const INK_WIDTH = 4;

/** Draws one segment (a short line or a dot) in the pad's ink. */
export function drawSegment(ctx: InkContext, seg: InkSegment): void {
  ctx.lineWidth = INK_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = INK_COLOR;
  ctx.beginPath();
  ctx.moveTo(seg.x0, seg.y0);
  // A zero-length line with round caps paints a dot; nudge so every engine draws it.
  ctx.lineTo(seg.x1 === seg.x0 && seg.y1 === seg.y0 ? seg.x1 + 0.1 : seg.x1, seg.y1);
  ctx.stroke();
}
