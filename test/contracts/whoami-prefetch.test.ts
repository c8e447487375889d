/**
 * index.html's whoami prefetch (browser build) against the API client: the inline script is run
 * as the browser would (a fresh context with fetch, localStorage, performance), then adopted by
 * takeWhoamiPrefetch. Keeps the hand-written script in step with identity.whoami and the client.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { whoami } from '../../src/contracts/identity.contract';
import { clockOffsetMs } from '../../src/domain/clock-offset';
import { STORAGE_KEY } from '../../src/services/dev-personas.h5';
import { PREFETCH_GLOBAL, PREFETCH_MAX_AGE_MS, takeWhoamiPrefetch } from '../../src/services/whoami-prefetch.h5';

// The adopter runs in the browser build, where './dev-personas' is the .h5 implementation.
jest.mock('../../src/services/dev-personas', () => jest.requireActual('../../src/services/dev-personas.h5'));

const html = readFileSync(join(__dirname, '../../src/index.html'), 'utf8');
const script = /<script id="whoami-prefetch">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

interface Sent {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

class FakeStorage {
  private readonly items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

const storage = new FakeStorage();
Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });

function persona(openid: string): string {
  return JSON.stringify({ key: 'villager', label: '村民', role: 'villager', openid, hint: '', bindWith: null });
}

/** Runs the inline script with a fetch whose reply the test releases; the clock is the test's. */
function loadPage(clock: { mono: number }) {
  const sent: Sent[] = [];
  let release!: (body: unknown) => void;
  let fail!: () => void;
  const performance = { now: () => clock.mono, getEntriesByName: () => [] };
  const window: Record<string, unknown> = {
    localStorage: storage,
    performance,
    JSON,
    URL,
    location: { href: 'http://127.0.0.1:8080/' },
    setTimeout: () => 0,
    clearTimeout: () => undefined,
    AbortController,
    fetch: (url: string, init: Sent['init']) => {
      sent.push({ url, init });
      return new Promise((ok, ko) => {
        release = (body) => ok({ json: async () => body });
        fail = () => ko(new TypeError('Failed to fetch'));
      });
    },
  };
  window.window = window;
  runInNewContext(script, window);
  return { window: window as Record<string, unknown> & { performance: typeof performance }, sent, release: (b: unknown) => release(b), fail: () => fail() };
}

const flush = () => new Promise((r) => setImmediate(r));
const reply = { ok: true, data: { roles: [], voter: null, committeeOf: [], elections: [], bindLockedUntil: null } };

beforeEach(() => storage.removeItem(STORAGE_KEY));

describe('index.html whoami prefetch', () => {
  it('sends what callAction sends for identity.whoami, with the dev persona header', () => {
    storage.setItem(STORAGE_KEY, persona('dev-villager'));
    const { sent } = loadPage({ mono: 10 });
    expect(script).not.toBe('');
    expect(sent).toHaveLength(1);
    const first = sent[0]!;
    expect(first.url).toBe('/api/' + whoami.fn);
    expect(first.init.method).toBe('POST');
    expect(JSON.parse(first.init.body)).toEqual({ action: whoami.action, ...whoami.input.parse({}) });
    expect(first.init.headers).toEqual({ 'content-type': 'application/json', 'X-Dev-Openid': 'dev-villager' });
  });

  it('sends no persona header without a chosen persona', () => {
    const { sent } = loadPage({ mono: 10 });
    expect(sent[0]?.init.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('is adopted once, with its arrival time and not the adoption time', async () => {
    storage.setItem(STORAGE_KEY, persona('dev-villager'));
    const clock = { mono: 100 };
    const page = loadPage(clock);
    clock.mono = 1_300;
    page.release(reply);
    await flush();
    clock.mono = 5_300; // the app's scripts ran for 4 s before the session asked
    const before = Date.now();
    const got = await takeWhoamiPrefetch(page.window);
    const after = Date.now();
    expect(got?.body).toEqual(reply);
    expect(got!.receivedAt).toBeGreaterThanOrEqual(before - 4_000);
    expect(got!.receivedAt).toBeLessThanOrEqual(after - 4_000);
    const serverNow = new Date(before - 4_000).toISOString();
    expect(Math.abs(clockOffsetMs(serverNow, got!.receivedAt))).toBeLessThanOrEqual(after - before);
    expect(await takeWhoamiPrefetch(page.window)).toBeNull();
    expect(page.window[PREFETCH_GLOBAL]).toBeUndefined();
  });

  it('is not adopted after the persona changed, while in flight or before', async () => {
    storage.setItem(STORAGE_KEY, persona('dev-villager'));
    const clock = { mono: 0 };
    const early = loadPage(clock);
    storage.setItem(STORAGE_KEY, persona('dev-clerk'));
    early.release(reply);
    expect(await takeWhoamiPrefetch(early.window)).toBeNull();

    storage.setItem(STORAGE_KEY, persona('dev-villager'));
    const late = loadPage(clock);
    const taken = takeWhoamiPrefetch(late.window);
    storage.removeItem(STORAGE_KEY);
    late.release(reply);
    expect(await taken).toBeNull();
  });

  it('is not adopted when it failed or is older than the session would keep', async () => {
    const clock = { mono: 0 };
    const failed = loadPage(clock);
    failed.fail();
    expect(await takeWhoamiPrefetch(failed.window)).toBeNull();

    const old = loadPage(clock);
    old.release(reply);
    await flush();
    clock.mono = PREFETCH_MAX_AGE_MS + 1;
    expect(await takeWhoamiPrefetch(old.window)).toBeNull();
  });

  it('is nothing when the page did not prefetch', async () => {
    expect(await takeWhoamiPrefetch({ performance: { now: () => 0 } })).toBeNull();
  });
});
