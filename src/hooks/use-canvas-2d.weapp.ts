import { useCallback, useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import type { InkContext } from '../services/signature-strokes';

export interface Canvas2d {
  /** Null until the node is found (and in test simulators that have no canvas). */
  ctx: InkContext | null;
  width: number;
  height: number;
}

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): (InkContext & { scale(x: number, y: number): void }) | null;
}

/**
 * WeChat: the 2D canvas node of `<Canvas type='2d' id=…>` (the node API, not the old canvasId one),
 * sized for the screen's pixel ratio. The node appears only after the page has laid out, so the
 * query runs on the next tick; `ensure()` returns what is known now, falling back to the window
 * width and the given height so touches are never lost while the query is in flight.
 */
export function useCanvas2d(canvasId: string, height: number, onReady: (c: Canvas2d) => void) {
  const state = useRef<Canvas2d | null>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;

  const adopt = useCallback((c: Canvas2d) => {
    state.current = c;
    readyRef.current(c);
    return c;
  }, []);

  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true }, (res) => {
          const r = res as { node?: CanvasNode; width?: number; height?: number } | null;
          if (!r?.node || !r.width) return;
          const dpr = Taro.getWindowInfo?.().pixelRatio ?? 2;
          r.node.width = Math.round(r.width * dpr);
          r.node.height = Math.round((r.height ?? height) * dpr);
          const ctx = r.node.getContext('2d');
          ctx?.scale(dpr, dpr);
          // Keep the recorder a surface already made (strokes may exist); only add the ink context.
          const w = state.current?.width ?? Math.round(r.width);
          const h = state.current?.height ?? Math.round(r.height ?? height);
          adopt({ ctx, width: w, height: h });
        })
        .exec();
    });
  }, [canvasId, height, adopt]);

  const ensure = useCallback((): Canvas2d => {
    if (state.current) return state.current;
    const win = Taro.getWindowInfo?.();
    return adopt({ ctx: null, width: Math.max(100, Math.round((win?.windowWidth ?? 375) - 32)), height });
  }, [adopt, height]);

  return { ensure, state };
}
