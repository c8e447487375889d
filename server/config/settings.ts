import { createHmac } from 'node:crypto';
import * as z from 'zod/mini';
import { _coercedNumber } from 'zod/v4/core';
import { templateIdSchema } from '../../src/contracts/notice.schema';
import { parseRetiredKeys } from '../adapters/crypto/ed25519.keyring';

/**
 * The notice subscribe-message template of a local (dev) host, where nothing reaches WeChat.
 * A production deployment must set NOTICE_TEMPLATE_ID to the id of its own template.
 */
export const DEV_NOTICE_TEMPLATE_ID = 'dev-notice-template-local';

/**
 * A number read from its text (an environment variable): exactly what `envNumber()` builds
 * (zod/mini's coerce.number is `_coercedNumber(ZodMiniNumber, params)`), without `z.coerce`, a
 * namespace object that makes a bundle carry every coercion (bigint and date schemas included,
 * ≈ 1.2 KB of each function; issue 12).
 */
const envNumber = () => _coercedNumber(z.ZodMiniNumber);

/**
 * Deployment settings, validated once at cold start (fail closed: a function without its
 * secrets refuses to start rather than store ID numbers unprotected).
 */
const settingsSchema = z.object({
  APP_MODE: z._default(z.enum(['dev', 'production']), 'production'),
  /** Keyed HMAC for the ID-number blind index (RULES.md §7); ≥ 32 bytes, base64 or hex. */
  ID_HMAC_KEY: z.string().check(z.minLength(32, { error: 'ID_HMAC_KEY 至少 32 个字符' })),
  /** Ed25519 private key (PKCS#8 PEM) of the deployment: signs receipts. */
  SIGNING_KEY_PEM: z.string().check(z.includes('PRIVATE KEY', { error: 'SIGNING_KEY_PEM 应为 PKCS#8 PEM 私钥' })),
  /**
   * Public keys of signing keys this deployment used before (JSON array of SPKI PEMs, or
   * `{ keyId: pem }`): what they signed still verifies after a key rotation.
   */
  SIGNING_KEYRING: z.optional(z.string()),
  /**
   * Key that seals voters' phone numbers (AES-256-GCM, RULES.md §7; ≥ 32 characters, e.g. 32
   * random bytes in base64). Without it a key is derived from ID_HMAC_KEY; set it to rotate
   * phone keys on their own.
   */
  PHONE_KEY: z.optional(z.string().check(z.minLength(32, { error: 'PHONE_KEY 至少 32 个字符' }))),
  /** Phone keys this deployment used before (JSON array of strings): sealed phones still open, and the migration re-seals them. */
  PHONE_KEYRING: z.optional(z.string()),
  /** How many phone numbers one committee member may reveal per hour (committee.revealPhone). */
  PHONE_REVEALS_PER_HOUR: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(1000)), 30),
  /** Comma-separated openids of township administrators (API.md §Identity). */
  TOWNSHIP_ADMIN_OPENIDS: z._default(z.string(), ''),
  /**
   * The one-time subscribe-message template of notices (公众平台 → 订阅消息, keywords in
   * server/use-cases/notices/notice-message.text.ts). Required in production; dev mode falls back to
   * DEV_NOTICE_TEMPLATE_ID. The client gets it from notices.list, and notices.subscribe
   * records consents for this template only.
   */
  NOTICE_TEMPLATE_ID: z.optional(z.pipe(z.string().check(z.trim()), templateIdSchema)),
  /** Time one committee.importRoll call spends on rows before it returns and the client calls again (ms). */
  IMPORT_BUDGET_MS: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(50_000)), 20_000),
  /** Hours a roll import may sit unfinished before it is stopped and its sheet deleted (privacy, not election law). */
  IMPORT_IDLE_HOURS: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(30 * 24)), 24),
  /** Guessing limits (security policy, not election law): see Settings below. */
  BIND_MAX_FAILURES: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(50)), 5),
  BIND_LOCK_MINUTES: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(7 * 24 * 60)), 30),
  BIND_ENTRY_MAX_FAILURES: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(100)), 10),
  INVITE_MAX_FAILURES: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(50)), 5),
  INVITE_LOCK_MINUTES: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(7 * 24 * 60)), 30),
  INVITE_CODE_MAX_FAILURES: z._default(z.pipe(envNumber(), z.int()).check(z.gte(1), z.lte(50)), 5),
});
export type RawSettings = z.input<typeof settingsSchema>;

export interface Settings {
  readonly mode: 'dev' | 'production';
  readonly idHmacKey: string;
  readonly signingKeyPem: string;
  /** Retired public keys (SPKI PEM) from SIGNING_KEYRING; the current key is not among them. */
  readonly retiredPublicKeys: readonly string[];
  readonly townshipAdmins: ReadonlySet<string>;
  /** The notices' subscribe-message template id (NOTICE_TEMPLATE_ID). */
  readonly noticeTemplateId: string;
  /** Binding lockout per WeChat user: failures before lock, and lock length. Security policy, not election law. */
  readonly bindMaxFailures: number;
  readonly bindLockMinutes: number;
  /**
   * Binding lockout per entry (per ID number, on a roll or not, so the lock says nothing about
   * the roll): wrong tries from any users before the entry is locked until the committee
   * unlocks it (committee.unlockBinding).
   */
  readonly bindEntryMaxFailures: number;
  /** Invitation-code guessing per WeChat user: failures before lock, and lock length. */
  readonly inviteMaxFailures: number;
  readonly inviteLockMinutes: number;
  /** Wrong secrets against one invitation (its lookup part right) before it is void. */
  readonly inviteCodeMaxFailures: number;
  /** Current phone key (PHONE_KEY, or derived from ID_HMAC_KEY) and retired ones (PHONE_KEYRING). */
  readonly phoneKey: string;
  readonly retiredPhoneKeys: readonly string[];
  /** committee.revealPhone per member per hour: enough for a clerk's calls, not for copying the roll. */
  readonly phoneRevealsPerHour: number;
  /** Committee invitation lifetime. */
  readonly inviteTtlHours: number;
  /**
   * committee.importRoll's time per call: well inside the 60 s function limit, with room for the
   * batch in flight when it runs out (README: function timeout 60 s).
   */
  readonly importBudgetMs: number;
  /**
   * Hours a roll import may sit unfinished (no call moving it on) before the sweep stops it and
   * deletes its sheet, which holds ID numbers in clear (import-sweep.job.ts). Default 24.
   */
  readonly importIdleHours: number;
}

export function parseSettings(env: Record<string, string | undefined>): Settings {
  const r = settingsSchema.safeParse(env);
  if (!r.success) {
    const what = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`部署配置不完整，云函数拒绝启动：${what}`);
  }
  const s = r.data;
  if (s.APP_MODE === 'production' && s.NOTICE_TEMPLATE_ID === undefined) {
    throw new Error('部署配置不完整，云函数拒绝启动：NOTICE_TEMPLATE_ID: 请填写公告提醒的订阅消息模板编号');
  }
  return {
    mode: s.APP_MODE,
    idHmacKey: s.ID_HMAC_KEY,
    signingKeyPem: s.SIGNING_KEY_PEM,
    retiredPublicKeys: parseRetiredKeysOrRefuse(s.SIGNING_KEYRING),
    townshipAdmins: new Set(
      s.TOWNSHIP_ADMIN_OPENIDS.split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
    noticeTemplateId: s.NOTICE_TEMPLATE_ID ?? DEV_NOTICE_TEMPLATE_ID,
    phoneKey: s.PHONE_KEY ?? createHmac('sha256', s.ID_HMAC_KEY).update('phone-key-v1').digest('hex'),
    retiredPhoneKeys: parseRetiredPhoneKeys(s.PHONE_KEYRING),
    phoneRevealsPerHour: s.PHONE_REVEALS_PER_HOUR,
    bindMaxFailures: s.BIND_MAX_FAILURES,
    bindLockMinutes: s.BIND_LOCK_MINUTES,
    bindEntryMaxFailures: s.BIND_ENTRY_MAX_FAILURES,
    inviteMaxFailures: s.INVITE_MAX_FAILURES,
    inviteLockMinutes: s.INVITE_LOCK_MINUTES,
    inviteCodeMaxFailures: s.INVITE_CODE_MAX_FAILURES,
    inviteTtlHours: 72,
    importBudgetMs: s.IMPORT_BUDGET_MS,
    importIdleHours: s.IMPORT_IDLE_HOURS,
  };
}

function parseRetiredKeysOrRefuse(raw: string | undefined): string[] {
  try {
    return parseRetiredKeys(raw);
  } catch (e) {
    throw new Error(`部署配置不完整，云函数拒绝启动：${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseRetiredPhoneKeys(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || !parsed.every((k): k is string => typeof k === 'string' && k.length >= 32)) {
    throw new Error('部署配置不完整，云函数拒绝启动：PHONE_KEYRING 应为 JSON 数组，每项是一个至少 32 个字符的旧电话密钥');
  }
  return parsed;
}
