/** Error codes of the envelope (../shared/docs/API.md §Envelope). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ELIGIBLE',
  'WINDOW_CLOSED',
  'LIMIT_EXCEEDED',
  'RATE_LIMITED',
  /** Too many people changed the same records at once and the store gave up retrying: retry with the same requestId. */
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default plain-Chinese message per code, used when a use case gives none. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先绑定您的选民身份',
  FORBIDDEN: '您没有权限做这件事',
  NOT_FOUND: '没有找到相关记录',
  CONFLICT: '这件事已经办过了，或者信息已经变化，请刷新后再试',
  NOT_ELIGIBLE: '不符合条件',
  WINDOW_CLOSED: '不在规定的时间内',
  LIMIT_EXCEEDED: '超过了规定的数量',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  BUSY: '现在办理的人较多，请稍等几秒再试，不会重复办理',
  INTERNAL: '系统出了点问题，请稍后再试',
};

export type OkEnvelope<T> = { ok: true; data: T };
export type ErrEnvelope = {
  ok: false;
  code: ErrorCode;
  reason?: string;
  message: string;
  /** Present on INTERNAL and BUSY so a clerk can quote it; never contains personal data. */
  requestId?: string;
  /** Field-level problems for INVALID_INPUT: path → Chinese message. */
  fields?: Record<string, string>;
};
export type Envelope<T> = OkEnvelope<T> | ErrEnvelope;
