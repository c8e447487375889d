import { useEffect, useRef } from 'react';
import { Canvas } from '@tarojs/components';
import type { CanvasTouchEvent } from '@tarojs/components/types/common';
import { useCanvas2d } from '../hooks/use-canvas-2d.weapp';
import type { Canvas2d } from '../hooks/use-canvas-2d.weapp';
import { drawSegment, StrokeRecorder } from '../services/signature-strokes';
import type { InkSegment } from '../services/signature-strokes';
import type { SignaturePadSurfaceProps } from './signature-pad-surface';

/**
 * WeChat: `<Canvas type='2d'>` with touch events; touch x/y are already relative to the canvas.
 * `disableScroll` keeps the page still while the villager writes.
 */
export default function SignaturePadSurface({ canvasId, height, label, clearSeq, onRecorder, onStroke }: SignaturePadSurfaceProps) {
  const rec = useRef<StrokeRecorder | null>(null);
  const makeRecorder = (c: Canvas2d) => {
    if (rec.current) return;
    rec.current = new StrokeRecorder(c.width, c.height);
    onRecorder(rec.current);
  };
  const { ensure, state } = useCanvas2d(canvasId, height, makeRecorder);

  useEffect(() => {
    if (clearSeq === 0) return;
    rec.current?.clear();
    const c = state.current;
    c?.ctx?.clearRect(0, 0, c.width, c.height);
  }, [clearSeq, state]);

  const ink = (seg: InkSegment | null) => {
    const ctx = state.current?.ctx;
    if (seg && ctx) drawSegment(ctx, seg);
  };
  const point = (e: CanvasTouchEvent) => e.touches[0] ?? e.changedTouches[0];
  const finish = () => {
    rec.current?.end();
    onStroke();
  };

  return (
    <Canvas
      type='2d'
      id={canvasId}
      className='signature-canvas'
      aria-label={label}
      disableScroll
      style={{ width: '100%', height: `${height}px`, display: 'block' }}
      onTouchStart={(e) => {
        makeRecorder(ensure());
        const t = point(e);
        if (t && rec.current) ink(rec.current.begin(t.x, t.y));
      }}
      onTouchMove={(e) => {
        const t = point(e);
        if (t && rec.current) ink(rec.current.move(t.x, t.y));
      }}
      onTouchEnd={finish}
      onTouchCancel={finish}
    />
  );
}
