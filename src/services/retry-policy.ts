/**
 * When the client gateway tries a state-changing call again (src/services/api.ts): on BUSY and
 * on a timeout or network failure, with the SAME requestId, so the server acts at most once.
 * Pure (no Taro), so the server's burst test and bench retry exactly as the phone does.
 */

/** Extra tries after the first call: 1 + 3 calls, about 0.3 + 0.6 + 1.2 s of waiting at most (plus jitter). */
export const RETRY_LIMIT = 3;
const BASE_DELAY_MS = 300;
const MAX_DELAY_MS = 3_000;

/**
 * Pause before retry number `attempt` (1-based): exponential, with "equal jitter" — half fixed,
 * half random — so a village's burst of phones does not come back in lockstep.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
/** Random bytes a requestId needs: 21 × 6 bits = 126 bits, so no two retries of different changes share one. */
export const REQUEST_ID_BYTES = 21;

/**
 * A requestId from cryptographically random bytes (Web Crypto in H5, wx.getRandomValues in the
 * mini-program — never Math.random): 'r' + one letter of a 64-letter alphabet per byte (256 is a
 * multiple of 64, so each letter is uniform).
 */
export function requestIdFromBytes(bytes: Uint8Array): string {
  if (bytes.length < REQUEST_ID_BYTES) throw new Error(`requestIdFromBytes: need ${REQUEST_ID_BYTES} random bytes`);
  let id = 'r';
  for (const b of bytes.subarray(0, REQUEST_ID_BYTES)) id += ID_ALPHABET[b & 63];
  return id;
}
