import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionContract, ErrEnvelope, InputOf, OutputOf } from '../services/contracts';
import { callAction } from '../services/api';

/**
 * One action called on demand (a button): pending while in flight, the last error kept for the
 * form, the data returned on success. A second tap while pending is ignored.
 */
export function useActionCall<C extends ActionContract>(contract: C) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrEnvelope | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async (input: InputOf<C>): Promise<OutputOf<C> | null> => {
      if (busy.current) return null;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        const res = await callAction(contract, input);
        if (res.ok) return res.data;
        setError(res);
        return null;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [contract],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}

/**
 * The latest answer of one action called with varying input (a page of a list): `load(input)`
 * asks, a later call makes an earlier answer stale; the last error is kept, the data stays shown.
 */
export function useLatestCall<C extends ActionContract>(contract: C) {
  const [data, setData] = useState<OutputOf<C> | null>(null);
  const [error, setError] = useState<ErrEnvelope | null>(null);
  const [loading, setLoading] = useState(false);
  const gen = useRef(0);
  const load = useCallback(
    async (input: InputOf<C>) => {
      const mine = ++gen.current;
      setLoading(true);
      const res = await callAction(contract, input);
      if (mine !== gen.current) return;
      setLoading(false);
      if (res.ok) {
        setData(res.data);
        setError(null);
      } else setError(res);
    },
    [contract],
  );
  return { data, error, loading, load, setData };
}

/**
 * Data loaded from one action whenever `key` changes (null key: nothing to load yet). The latest
 * request wins; `reload` asks again with the same input.
 */
export function useActionData<C extends ActionContract>(contract: C, input: InputOf<C> | null, key: string | null) {
  const { data, error, loading, load: loadWith, setData } = useLatestCall(contract);
  const inputRef = useRef(input);
  inputRef.current = input;

  const load = useCallback(async () => {
    const current = inputRef.current;
    if (current !== null) await loadWith(current);
  }, [loadWith]);

  useEffect(() => {
    if (key !== null) void load();
  }, [key, load]);

  return { data, error, loading, reload: load, setData };
}
