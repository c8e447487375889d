/**
 * Identity port: who is calling. In a cloud function the only trustworthy source is the WeChat
 * context injected by the platform (ARCHITECTURE.md principle 4) — never the event payload.
 */
export interface IdentitySource {
  /** The caller's openid, or null when the call carries no WeChat user. */
  openid(): string | null;
}

/** The part of wx-server-sdk this reads. */
export interface WxContextSource {
  getWXContext(): { OPENID?: string };
}

export function wxContextIdentity(cloud: WxContextSource): IdentitySource {
  return {
    openid() {
      const id = cloud.getWXContext().OPENID;
      return typeof id === 'string' && id.length > 0 ? id : null;
    },
  };
}

/** A fixed caller, for the local host and tests. */
export function staticIdentity(openid: string | null): IdentitySource {
  return { openid: () => openid };
}
