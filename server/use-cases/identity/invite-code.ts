/**
 * Invitation codes (identity.redeemInvite): 10 characters of CODE_ALPHABET. The first
 * INVITE_LOOKUP_LENGTH name the invitation (its document id is their keyed hash), the whole code
 * is checked against the hash stored on it — so a wrong guess whose first part hits a live
 * invitation counts against that invitation, and the invitation is void after
 * settings.inviteCodeMaxFailures of them, however many WeChat users guess.
 */
import { keyedHash } from '../../security/keyed-hash';

export const INVITE_CODE_LENGTH = 10;
export const INVITE_LOOKUP_LENGTH = 5;

export const inviteLookupId = (key: string, code: string) => keyedHash(key, 'invite', `lookup:${code.slice(0, INVITE_LOOKUP_LENGTH)}`);

/** bindAttempt/invite:{openid}: a user's wrong invitation codes (see bindAttemptDoc). */
export const inviteAttemptId = (openid: string) => `invite:${openid}`;
