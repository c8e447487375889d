/**
 * A crash in the window between the publishing commit and the push: the push job is written in
 * the publishing transaction itself (server/push/notice-push.ts createPublicationPushJob), so
 * the notice is never left without its push. The process "dies" right after the transaction
 * that wrote the notice commits; a retry of the action only gets ALREADY_PUBLISHED (voter
 * list) — the timer's resumePushJobs finds the job and pushes exactly once.
 */
import { CLERK, makeTestApp, type TestApp } from '../harness';
import { type PushDeps } from '../../../server/ports/push.port';
import { resumePushJobs } from '../../../server/push/push-job';
import { unfinishedPushJobs } from '../../../server/push/push-job.records';
import type { Store, TxOps } from '../../../server/ports/store.port';
import { readDoc } from '../../../server/runtime/documents';
import { pushJobDoc } from '../../../src/contracts/documents/push-documents.schema';
import { eligible, makeVillage, messagesPerOpenid, recording, type Village } from './notice-fixture';
import { composeNoticeMessage } from '../../../server/use-cases/notices/notice-message.text';

/** The store as seen by a process that dies just after the first transaction writing a notice has committed. */
function dyingAfterNoticeCommit(real: Store): Store & { died: boolean } {
  const state = { died: false };
  const runTransaction = async <T,>(fn: (tx: TxOps) => Promise<T>): Promise<T> => {
    let wroteNotice = false;
    const result = await real.runTransaction((tx) =>
      fn({
        get: (c, id) => tx.get(c, id),
        set: (c, id, d) => ((wroteNotice ||= c === 'notice'), tx.set(c, id, d)),
        update: (c, id, p) => tx.update(c, id, p),
        remove: (c, id) => tx.remove(c, id),
        insertMany: (c, docs) => ((wroteNotice ||= c === 'notice'), tx.insertMany(c, docs)),
      }),
    );
    if (wroteNotice && !state.died) {
      state.died = true;
      throw new Error('process killed after the commit');
    }
    return result;
  };
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'runTransaction') return runTransaction;
      if (key === 'died') return state.died;
      const v: unknown = Reflect.get(target, key, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as Store & { died: boolean };
}

describe.each([
  ['committee.publishVoterList', { action: 'publishVoterList' }, true],
  ['committee.publishNotice (voter list)', { action: 'publishNotice', type: 'voterList' }, true],
  ['committee.publishNotice (free text)', { action: 'publishNotice', type: 'freeText', title: '关于召开选民会议的通知', body: '定于3月8日上午9时召开选民会议。' }, false],
] as const)('a crash between the publishing commit and the push: %s', (_name, event, once) => {
  let t: TestApp;
  let v: Village;
  beforeEach(async () => {
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    v = await makeVillage(t, { voters: 40 });
  });
  afterEach(() => t.close());

  const deps = (): PushDeps => ({ store: t.app.store, clock: t.app.clock, notifier: t.app.notifier, log: t.app.log, composeMessage: composeNoticeMessage });

  it('leaves the push job committed with the notice, and the timer pushes exactly once', async () => {
    const real = t.app.store;
    const dying = dyingAfterNoticeCommit(real);
    (t.app as { store: Store }).store = dying;
    const crashed = await t.call('committee', { electionId: v.electionId, ...event }, CLERK);
    (t.app as { store: Store }).store = real;
    expect(dying.died).toBe(true);
    expect(crashed).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(recording(t).deliveries()).toHaveLength(0);

    // The notice is published and its job is there, waiting for the timer.
    const notices = await real.find('notice', { electionId: v.electionId });
    expect(notices).toHaveLength(1);
    const noticeId = notices[0]!._id;
    expect(await readDoc(real, 'pushJob', noticeId, pushJobDoc)).toMatchObject({ noticeId, kind: 'publish', status: 'preparing' });
    expect((await unfinishedPushJobs(deps())).map((j) => j._id)).toEqual([noticeId]);

    if (once) {
      // The committee tries again: the list is published once, never twice.
      const retry = await t.call('committee', { electionId: v.electionId, ...event }, CLERK);
      expect(retry).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_PUBLISHED' });
      expect(recording(t).deliveries()).toHaveLength(0);
    }

    const [tick] = await resumePushJobs(deps());
    expect(tick).toMatchObject({ jobId: noticeId, status: 'done', counts: { sent: v.people.filter(eligible).length, pending: 0, sending: 0, unknown: 0 } });
    const per = messagesPerOpenid(recording(t));
    for (const p of v.people) expect([p.voterId, per.get(p.openid ?? '') ?? 0]).toEqual([p.voterId, eligible(p) ? 1 : 0]);
    for (const d of recording(t).deliveries()) expect(d.message.page).toBe(`subpackages/notice/pages/detail/index?id=${noticeId}`);

    // Later ticks find nothing to do and send nothing.
    expect(await resumePushJobs(deps())).toEqual([]);
    expect(messagesPerOpenid(recording(t))).toEqual(per);
  });
});
