import { useCallback, useRef, useState } from 'react';
import { callAction } from '../services/api';
import * as rollImport from '../contracts/roll-import.contract';
import type { OutputOf } from '../services/contracts';
import { uploadRollFile, type PickedRollFile } from '../services/roll-upload';

export type RollImportReport = OutputOf<typeof rollImport.importRoll>;
export type RollImportPhase = 'idle' | 'uploading' | 'importing' | 'done';

/** Report rows held so far plus a reply's rows (which start at `reply.from`). */
function merged(prev: RollImportReport | null, reply: RollImportReport): RollImportReport {
  const held = prev && prev.importId === reply.importId ? prev.rows.slice(0, reply.from) : [];
  return { ...reply, rows: [...held, ...reply.rows] };
}

/** Runs one step at a time (a tap while a step runs is ignored), clearing the last error as a step starts. */
function useOneAtATime(setError: (message: string | null) => void) {
  const busy = useRef(false);
  return useCallback(
    async (fn: () => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      setError(null);
      try {
        await fn();
      } finally {
        busy.current = false;
      }
    },
    [setError],
  );
}

/**
 * committee.importRoll as the clerk lives it: upload the sheet, start the import with its file
 * id, and call again with the importId until done — each call works for a bounded time, so a
 * big roll takes several. A failed call (network, a busy server) stops with the progress kept:
 * `resume` goes on from where the server is. A job stopped after a long pause (IMPORT_STOPPED)
 * has lost its sheet: no 继续导入 then, the clerk uploads the sheet again.
 */
export function useRollImport(where: { electionId: string; villageId: string }) {
  const [phase, setPhase] = useState<RollImportPhase>('idle');
  const [report, setReport] = useState<RollImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<RollImportReport | null>(null);
  const guarded = useOneAtATime(setError);

  const follow = useCallback(
    async (first: Parameters<typeof callAction<typeof rollImport.importRoll>>[1]) => {
      setPhase('importing');
      let input = first;
      for (;;) {
        const res = await callAction(rollImport.importRoll, input);
        if (!res.ok) {
          setError(res.message);
          if (res.reason === 'IMPORT_STOPPED') current.current = null;
          setPhase(current.current ? 'importing' : 'idle');
          return;
        }
        current.current = merged(current.current, res.data);
        setReport(current.current);
        if (res.data.done && current.current.rows.length >= res.data.processed) return setPhase('done');
        input = { electionId: where.electionId, importId: res.data.importId, from: current.current.rows.length };
      }
    },
    [where.electionId],
  );

  const start = (file: PickedRollFile) =>
    guarded(async () => {
      current.current = null;
      setReport(null);
      setPhase('uploading');
      const up = await uploadRollFile(file, where);
      if (!up.ok) {
        setError(up.message);
        return setPhase('idle');
      }
      await follow({ electionId: where.electionId, fileId: up.fileId, fileName: file.name });
    });

  const resume = () =>
    guarded(async () => {
      const r = current.current;
      if (r) await follow({ electionId: where.electionId, importId: r.importId, from: r.rows.length });
    });

  /** The slips are printed: the server deletes the binding codes it kept. */
  const confirmPrinted = () =>
    guarded(async () => {
      const r = current.current;
      if (!r) return;
      const res = await callAction(rollImport.importRoll, { electionId: where.electionId, importId: r.importId, printed: true });
      if (!res.ok) return setError(res.message);
      current.current = res.data;
      setReport(res.data);
    });

  return { phase, report, error, working: phase === 'uploading' || (phase === 'importing' && error === null), start, resume, confirmPrinted };
}
