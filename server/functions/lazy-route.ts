/**
 * A route whose contract and use case are loaded on the action's first call.
 *
 * Why: a cloud function's cold start serves one action, yet requiring the whole function used
 * to build every contract's zod schemas and evaluate every use case (and their data tables and
 * parsers) — most of the bundle's own require time (issue 12, `coldstart.functions.<name>.ms`).
 * The routes files pass a thunk that `require`s the action's modules; esbuild still inlines
 * them in the bundle (so the folder uploads alone) but wraps them to be evaluated on demand.
 * Behaviour is unchanged: the same contract and use case, validated and run by dispatch.
 */
import type { Route } from '../runtime/dispatch';

export function lazyRoute(load: () => Route): Route {
  let loaded: Route | null = null;
  const get = (): Route => (loaded ??= load());
  return {
    get contract() {
      return get().contract;
    },
    run: (input, ctx) => get().run(input, ctx),
  };
}
