import { useEffect, useRef, type RefObject } from 'react';
import { drawSegment, StrokeRecorder } from '../services/signature-strokes';
import type { InkContext, InkSegment } from '../services/signature-strokes';

/** What both pad surfaces take (H5: this file; WeChat: signature-pad-surface.weapp.tsx). */
export interface SignaturePadSurfaceProps {
  canvasId: string;
  /** Pad height in CSS px; the width is the container's. */
  height: number;
  label: string;
  /** Bumped by the pad's 清除: wipe the ink and the recorder. */
  clearSeq: number;
  /** The surface made its recorder (once its size is known). */
  onRecorder: (r: StrokeRecorder) => void;
  /** Called after every stroke ends, so the pad can update its counts. */
  onStroke: () => void;
}

/** Sizes the canvas to its box at the screen's pixel ratio; the drawing context draws in CSS px. */
function sizeCanvas(el: HTMLCanvasElement, height: number): { c: CanvasRenderingContext2D | null; w: number; h: number } {
  const box = el.getBoundingClientRect();
  const w = Math.max(100, Math.round(box.width));
  const h = Math.max(60, Math.round(box.height || height));
  const dpr = window.devicePixelRatio || 1;
  el.width = Math.round(w * dpr);
  el.height = Math.round(h * dpr);
  const c = el.getContext('2d');
  c?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { c, w, h };
}

/** A pointer's position in the canvas's CSS px. */
function pointIn(el: HTMLCanvasElement, e: { clientX: number; clientY: number }): readonly [number, number] {
  const box = el.getBoundingClientRect();
  return [e.clientX - box.left, e.clientY - box.top] as const;
}

/** The pad's 清除 (each bump of `clearSeq`): wipes the ink and the recorder. */
function useClearOnSeq(clearSeq: number, canvas: RefObject<HTMLCanvasElement | null>, ctx: RefObject<InkContext | null>, rec: RefObject<StrokeRecorder | null>) {
  useEffect(() => {
    if (clearSeq === 0) return;
    rec.current?.clear();
    const el = canvas.current;
    ctx.current?.clearRect(0, 0, el?.width ?? 4096, el?.height ?? 4096);
  }, [clearSeq, canvas, ctx, rec]);
}

/**
 * Browser: a plain <canvas> with pointer events, which covers mouse, pen and touch alike.
 * `touch-action: none` keeps a finger on the pad from scrolling the page.
 */
export default function SignaturePadSurface({ canvasId, height, label, clearSeq, onRecorder, onStroke }: SignaturePadSurfaceProps) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const ctx = useRef<InkContext | null>(null);
  const rec = useRef<StrokeRecorder | null>(null);
  const down = useRef(false);

  const setup = (): StrokeRecorder | null => {
    if (!canvas.current) return null;
    const { c, w, h } = sizeCanvas(canvas.current, height);
    if (c) ctx.current = c;
    rec.current = new StrokeRecorder(w, h);
    onRecorder(rec.current);
    return rec.current;
  };

  // Only once: the recorder keeps the size it was made with.
  const made = useRef(false);
  useEffect(() => {
    if (made.current) return;
    made.current = true;
    setup();
  });

  useClearOnSeq(clearSeq, canvas, ctx, rec);

  const endStroke = () => {
    down.current = false;
    rec.current?.end();
    onStroke();
  };
  const ink = (seg: InkSegment | null) => {
    if (seg && ctx.current) drawSegment(ctx.current, seg);
  };

  return (
    <canvas
      id={canvasId}
      ref={canvas}
      className='signature-canvas'
      role='img'
      aria-label={label}
      style={{ width: '100%', height: `${height}px`, touchAction: 'none', display: 'block' }}
      onPointerDown={(e) => {
        const r = rec.current ?? setup();
        if (!r) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture?.(e.pointerId);
        down.current = true;
        ink(r.begin(...pointIn(e.currentTarget, e)));
      }}
      onPointerMove={(e) => {
        if (down.current && rec.current) ink(rec.current.move(...pointIn(e.currentTarget, e)));
      }}
      onPointerUp={() => {
        if (down.current) endStroke();
      }}
      onPointerCancel={endStroke}
    />
  );
}
