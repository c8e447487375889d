import { useCallback, useRef, useState } from 'react';
import type { ErrEnvelope } from '../services/contracts';

/** Who or what an irreversible committee step would cut off, counted by the server. */
export interface CutOff {
  key: string;
  label: string;
  count: number;
  unit: string;
}

/** What the dialog says before a step that cannot be undone (publish a list, close a window). */
export interface IrreversibleStep {
  id: string;
  title: string;
  /** What the step does, in one sentence. */
  effect: string;
  /** The day the committee's plan gives for this step, if any. */
  planned: { label: string; day: string } | null;
  /** The statutory last day, if any. */
  lastDay: { label: string; day: string } | null;
  confirmText: string;
  /** Loads the pending counts from the server; an error keeps the step from going ahead. */
  load: () => Promise<{ ok: true; cutOffs: CutOff[]; note?: string } | { ok: false; error: ErrEnvelope }>;
  /** Ticked confirmation even when nothing is pending (e.g. paper ballots the server cannot know of). */
  alwaysTick?: string;
}

export type StepState =
  | { phase: 'closed' }
  | { phase: 'loading'; step: IrreversibleStep }
  | { phase: 'error'; step: IrreversibleStep; error: ErrEnvelope }
  | { phase: 'ready'; step: IrreversibleStep; cutOffs: CutOff[]; note?: string };

/**
 * One irreversible step at a time: `ask(step)` opens the dialog, loads what the step would cut off
 * and resolves true only when the clerk confirms (ticking the box when anyone would be cut off).
 */
export function useIrreversibleStep() {
  const [state, setState] = useState<StepState>({ phase: 'closed' });
  const resolver = useRef<((v: boolean) => void) | null>(null);

  const load = useCallback(async (step: IrreversibleStep) => {
    setState({ phase: 'loading', step });
    const r = await step.load();
    setState(r.ok ? { phase: 'ready', step, cutOffs: r.cutOffs, ...(r.note ? { note: r.note } : {}) } : { phase: 'error', step, error: r.error });
  }, []);

  const ask = useCallback(
    (step: IrreversibleStep) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        void load(step);
      }),
    [load],
  );

  const finish = useCallback((v: boolean) => {
    resolver.current?.(v);
    resolver.current = null;
    setState({ phase: 'closed' });
  }, []);

  const retry = useCallback(() => {
    if (state.phase !== 'closed') void load(state.step);
  }, [state, load]);

  return { state, ask, confirm: () => finish(true), cancel: () => finish(false), retry };
}

export type IrreversibleStepApi = ReturnType<typeof useIrreversibleStep>;
