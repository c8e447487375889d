/**
 * Expected failures are values, not exceptions (ARCHITECTURE.md, principle 3).
 * `code` is one of the envelope codes of src/contracts; `reason` refines it.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<C extends string = string, R extends string = string> = {
  readonly ok: false;
  readonly code: C;
  readonly reason?: R;
  /** Plain Chinese explanation for a villager; contracts supply a default per code. */
  readonly message?: string;
};
export type Result<T, C extends string = string, R extends string = string> = Ok<T> | Err<C, R>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string, R extends string = string>(
  code: C,
  reason?: R,
  message?: string,
): Err<C, R> => ({ ok: false, code, ...(reason === undefined ? {} : { reason }), ...(message === undefined ? {} : { message }) });
