/**
 * The profiles of the proof suite: `full` (`npm run test:reliability`, the figures the issue
 * asks for), `fast` (inside `npm test`, the same checks with fewer cases, under 3 minutes) and
 * `mid` (the full profile with a tenth of its fuzz events — about 10 minutes instead of 40 on a
 * loaded 2-core machine, for a run between the two).
 */
export interface Profile {
  readonly name: 'fast' | 'mid' | 'full';
  readonly seed: number;
  readonly fuzzPerAction: number;
  readonly crashRequests: number;
  readonly tamperEdits: number;
  readonly oracleNumbers: number;
}

export const PROFILES: Readonly<Record<Profile['name'], Profile>> = {
  fast: { name: 'fast', seed: 20260301, fuzzPerAction: 100, crashRequests: 200, tamperEdits: 100, oracleNumbers: 16 },
  mid: { name: 'mid', seed: 20260301, fuzzPerAction: 1_000, crashRequests: 2_000, tamperEdits: 1_000, oracleNumbers: 200 },
  full: { name: 'full', seed: 20260301, fuzzPerAction: 10_000, crashRequests: 2_000, tamperEdits: 1_000, oracleNumbers: 200 },
};

/** One line of the report: `reliability: <name> <passed> passed, <failed> failed`. */
export interface CheckResult {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  /** What was counted (shown after the figures). */
  readonly note?: string;
  /** Each distinct failure, most frequent first (printed below the line). */
  readonly findings: readonly string[];
  /** Figures that are reported, never asserted (timings). */
  readonly figures?: readonly string[];
}
