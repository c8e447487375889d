/**
 * Loads the COMPILED mini-program (dist/, from `npm run build:weapp`) into miniprogram-simulate
 * under jest-environment-jsdom. The official WXML compiler (miniprogram-compiler) turns Taro's
 * base.wxml templates into render functions; j-component runs them.
 *
 * Stand-ins for what the WeChat client provides and miniprogram-simulate does not:
 *  - `App(config)`: records the app config; `bootApp()` then calls its onLaunch/onShow, which is
 *    where Taro's React app mounts (Taro mounts pages into that app).
 *  - `getApp()`: that app config object.
 *  - `Page(config)`: miniprogram-simulate only knows `Component`. A page becomes a component:
 *    page-level functions (Taro's `eh` event handler, onPullDownRefresh, …) go to `methods`;
 *    attached → onLoad(query) + onShow, ready → onReady, detached → onHide + onUnload; `route`
 *    and `__route__` are set as WeChat does.
 *  - `getCurrentPages()`: the stack of pages attached through `renderPage()`.
 *  - `wx.cloud`: `init` plus `callFunction({ name, data })` answering `{ result }` from the test's
 *    handler (the envelope a cloud function would return); every call is recorded.
 *  - `wx.getStorageSync/setStorageSync/removeStorageSync`: an in-memory Map (simulate's are no-ops).
 *  - `wx.showModal`: answers `{ confirm: <modalAnswer> }`; `wx.showToast`, `wx.switchTab`,
 *    `wx.navigateTo`, `wx.redirectTo`, `wx.reLaunch`, `wx.stopPullDownRefresh`: recorded in `calls`.
 *  - `wx.onPageNotFound`: listeners kept; `pageNotFound(res)` fires them as WeChat would.
 *
 * Limits: miniprogram-simulate caches compiled WXML per path and Taro registers each page once,
 * so load a given page path at most once per test file (jest isolates files). Everything must be
 * set up before `bootApp()`, because Taro binds `wx.cloud` and friends when taro.js runs.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '../../dist');

export type CloudHandler = (name: string, data: Record<string, unknown>) => unknown | Promise<unknown>;

export interface Recorded {
  cloud: Array<{ name: string; data: Record<string, unknown> }>;
  toasts: string[];
  modals: Array<{ title?: string; content?: string }>;
  switchTab: string[];
  navigateTo: string[];
  redirectTo: string[];
  reLaunch: string[];
}

interface SimComponent {
  dom: HTMLElement;
  instance: Record<string, unknown>;
  attach(parent: Element): void;
  detach(): void;
  querySelector(sel: string): SimComponent | null;
  querySelectorAll(sel: string): SimComponent[];
  dispatchEvent(name: string, opts?: Record<string, unknown>): void;
}

interface Simulate {
  load(p: string, opts?: Record<string, unknown>): string;
  load(p: string, tag: string, opts?: Record<string, unknown>): string;
  render(id: string, props?: Record<string, unknown>): SimComponent;
  sleep(ms?: number): Promise<void>;
}

type AnyFn = (...args: unknown[]) => unknown;
type PageConfig = Record<string, unknown> & { data?: Record<string, unknown> };

const PAGE_LIFECYCLES = new Set(['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload']);

export function assertBuilt(): void {
  const need = ['app.js', 'app.json', 'base.wxml', 'pages/index/index.js'];
  const missing = need.filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (missing.length) {
    throw new Error(
      `The weapp tests load the compiled mini-program from dist/, but ${missing.join(', ')} ` +
        `${missing.length > 1 ? 'are' : 'is'} missing. Run \`npm run build:weapp\` first (\`npm test\` does it for you).`,
    );
  }
}

export interface Harness {
  simulate: Simulate;
  calls: Recorded;
  storage: Map<string, unknown>;
  /** What wx.showModal answers next (default: confirm). */
  setModalAnswer(confirm: boolean): void;
  /** Replace the cloud handler for the following calls. */
  setCloud(handler: CloudHandler): void;
  /** Load, render and attach a page (path under dist, e.g. 'pages/index/index'), then settle. */
  renderPage(route: string, query?: Record<string, string>): Promise<PageHandle>;
  /** Let promises, setData and timers run. */
  settle(ms?: number): Promise<void>;
  /** What WeChat does when a page to open does not exist: calls the wx.onPageNotFound listeners. */
  pageNotFound(res: { path: string; query: Record<string, string>; isEntryPage: boolean }): void;
}

export interface PageHandle {
  root: SimComponent;
  text(): string;
  /** The compiled element with this id (Taro passes ids through to the WXML). */
  byId(id: string): SimComponent | null;
  tap(id: string): Promise<void>;
  input(id: string, value: string): Promise<void>;
  /** Elements carrying data-testid=… (Taro renders it as a data-testid attribute). */
  byTestId(testId: string): HTMLElement | null;
  unload(): void;
}

let app: Record<string, AnyFn> | null = null;
const pages: Array<Record<string, unknown>> = [];

export function bootApp(handler: CloudHandler, opts: { storage?: Record<string, unknown> } = {}): Harness {
  assertBuilt();
  const simulate = require('miniprogram-simulate') as Simulate;
  const g = globalThis as unknown as Record<string, unknown>;
  const wx = g.wx as Record<string, unknown>;

  const calls: Recorded = { cloud: [], toasts: [], modals: [], switchTab: [], navigateTo: [], redirectTo: [], reLaunch: [] };
  const notFoundListeners: AnyFn[] = [];
  const storage = new Map<string, unknown>(Object.entries(opts.storage ?? {}));
  let cloudHandler = handler;
  let modalAnswer = true;

  const ok = <T extends object>(extra: T, cb?: { success?: AnyFn; complete?: AnyFn }) => {
    const res = { errMsg: 'ok', ...extra };
    cb?.success?.(res);
    cb?.complete?.(res);
    return Promise.resolve(res);
  };

  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
      calls.cloud.push({ name, data });
      const result = await cloudHandler(name, data);
      return { result, errMsg: 'cloud.callFunction:ok', requestID: 'test' };
    },
  };
  // The mini-program's secure random source (the gateway's requestId when Web Crypto is absent).
  wx.getRandomValues = (o: { length: number; success?: AnyFn; complete?: AnyFn }) => ok({ randomValues: new Uint8Array(require('node:crypto').randomBytes(o.length) as Buffer).buffer }, o);
  wx.getStorageSync = (k: string) => (storage.has(k) ? storage.get(k) : '');
  wx.setStorageSync = (k: string, v: unknown) => void storage.set(k, v);
  wx.removeStorageSync = (k: string) => void storage.delete(k);
  wx.showModal = (o: { title?: string; content?: string; success?: AnyFn; complete?: AnyFn }) => {
    calls.modals.push({ title: o.title, content: o.content });
    return ok({ confirm: modalAnswer, cancel: !modalAnswer }, o);
  };
  wx.showToast = (o: { title: string; success?: AnyFn }) => {
    calls.toasts.push(o.title);
    return ok({}, o);
  };
  wx.switchTab = (o: { url: string; success?: AnyFn }) => {
    calls.switchTab.push(o.url);
    return ok({}, o);
  };
  wx.navigateTo = (o: { url: string; success?: AnyFn }) => {
    calls.navigateTo.push(o.url);
    return ok({}, o);
  };
  wx.redirectTo = (o: { url: string; success?: AnyFn }) => {
    calls.redirectTo.push(o.url);
    return ok({}, o);
  };
  wx.reLaunch = (o: { url: string; success?: AnyFn }) => {
    calls.reLaunch.push(o.url);
    return ok({}, o);
  };
  wx.onPageNotFound = (listener: AnyFn) => void notFoundListeners.push(listener);
  wx.stopPullDownRefresh = (o?: { success?: AnyFn }) => ok({}, o);

  g.App = (config: Record<string, AnyFn>) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages.slice();
  g.Page = (config: PageConfig) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) {
      if (typeof v === 'function' && !PAGE_LIFECYCLES.has(k)) methods[k] = v;
    }
    const call = (self: Record<string, unknown>, name: string, ...args: unknown[]) => (config[name] as AnyFn | undefined)?.apply(self, args);
    (g.Component as (o: unknown) => void)({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          // WeChat page instances carry their own lifecycle functions (Taro sets onReady.called).
          for (const name of PAGE_LIFECYCLES) if (typeof config[name] === 'function') this[name] = (config[name] as AnyFn).bind(this);
          const route = pendingRoute.shift() ?? '';
          this.route = this.__route__ = route;
          pages.push(this);
          call(this, 'onLoad', pendingQuery.shift() ?? {});
          call(this, 'onShow');
        },
        ready(this: Record<string, unknown>) {
          call(this, 'onReady');
        },
        detached(this: Record<string, unknown>) {
          call(this, 'onHide');
          call(this, 'onUnload');
          const i = pages.indexOf(this);
          if (i >= 0) pages.splice(i, 1);
        },
      },
    });
  };

  // What the WeChat client does at launch: run app.js (which pulls in runtime, taro, vendors and
  // common chunks), then onLaunch and onShow.
  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('dist/app.js did not call App(): is dist/ a Taro weapp build?');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 };
  app.onLaunch?.call(app, launch);
  app.onShow?.call(app, launch);

  const pendingRoute: string[] = [];
  const pendingQuery: Array<Record<string, string>> = [];

  const settle = async (ms = 30) => {
    for (let i = 0; i < 5; i++) await simulate.sleep(ms / 5);
  };

  const renderPage = async (route: string, query: Record<string, string> = {}): Promise<PageHandle> => {
    const id = simulate.load(path.join(DIST, route), { rootPath: DIST });
    pendingRoute.push(route);
    pendingQuery.push(query);
    const root = simulate.render(id);
    const parent = document.createElement('parent-wrapper');
    document.body.appendChild(parent);
    root.attach(parent);
    await settle(60);
    const byId = (elId: string) => root.querySelector('#' + elId) ?? null;
    const handle: PageHandle = {
      root,
      text: () => (root.dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
      byId,
      byTestId: (t) => root.dom.querySelector(`[data-testid="${t}"]`),
      async tap(elId) {
        const el = byId(elId);
        if (!el) throw new Error(`no element #${elId} on ${route}`);
        el.dispatchEvent('tap');
        await settle(60);
      },
      async input(elId, value) {
        const el = byId(elId);
        if (!el) throw new Error(`no input #${elId} on ${route}`);
        el.dispatchEvent('input', { detail: { value, cursor: value.length } });
        await settle(30);
      },
      unload() {
        root.detach();
        parent.remove();
      },
    };
    return handle;
  };

  return {
    simulate,
    calls,
    storage,
    setModalAnswer: (c) => {
      modalAnswer = c;
    },
    setCloud: (h) => {
      cloudHandler = h;
    },
    renderPage,
    settle,
    pageNotFound: (res) => notFoundListeners.forEach((l) => l(res)),
  };
}

/** A cloud handler from a table of `function.action` → reply (or function of the event). */
export function cloudTable(table: Record<string, unknown | ((data: Record<string, unknown>) => unknown)>): CloudHandler {
  return (name, data) => {
    const key = `${name}.${String(data.action)}`;
    if (!(key in table)) return { ok: false, code: 'INTERNAL', message: `test has no reply for ${key}` };
    const v = table[key];
    return typeof v === 'function' ? (v as (d: Record<string, unknown>) => unknown)(data) : v;
  };
}
