/**
 * committee.tally with `nominee`: the committee sees exactly the signed ballots naming that
 * person (any post, app and paper), each with a short-lived link to the signature drawing; a
 * villager is refused; the general tally stays counts only.
 */
import { CLERK, describeEachStore, makeTestApp, type TestApp } from '../harness';
import { intoWindow, nominationVillage, submit, type NominationVillage } from './nomination-fixture';

interface NomineeBallotReply {
  voterId: string;
  name: string;
  group: string;
  post: string;
  postLabel: string;
  channel: 'app' | 'paper';
  scanRef: string | null;
  valid: boolean;
  submittedAt: string;
  signatureUrl: string | null;
}
type TallyReply = { ballots: number; nomineeBallots: NomineeBallotReply[] | null };

/** The file a local short-lived URL points at (`/files/{payload}.{mac}`, payload = {f, e}). */
const fileOfUrl = (url: string): string => (JSON.parse(Buffer.from(url.replace(/^\/files\//, '').split('.')[0]!, 'base64url').toString('utf8')) as { f: string }).f;

describeEachStore('committee: the signed ballots of one nominee', (kind) => {
  let t: TestApp;
  let v: NominationVillage;
  const id = (i: number) => v.people[i]!.id;
  beforeEach(async () => {
    t = makeTestApp({ store: kind, latency: { latencyMs: 2, jitterMs: 1 } });
    v = await nominationVillage(t, 60);
    intoWindow(t, v);
    const ballots: Array<[number, Parameters<typeof submit>[3]]> = [
      [30, { director: [id(0)] }],
      [31, { director: [id(2)], member: [id(0), id(4)] }],
      [32, { director: [id(2)], member: [id(4)] }],
      [33, { deputy: [id(6)] }],
    ];
    for (const [i, names] of ballots) {
      t.setNow(new Date(Date.parse(t.app.clock.now().toISOString()) + 60_000).toISOString());
      expect(await submit(t, v, i, names)).toMatchObject({ ok: true });
    }
    const paper = { action: 'enterPaperNomination', electionId: v.electionId, voterId: id(50), voterName: v.people[50]!.doc.name, names: { director: [id(0)] }, valid: false, invalidReason: '字迹无法辨认', scanRef: 'PAPER-0050', assisted: false };
    expect(await t.call('committee', paper, CLERK)).toMatchObject({ ok: true });
  });
  afterEach(() => t.close());

  it('lists exactly the ballots naming the nominee, with signer, post, channel and a signature URL', async () => {
    const r = await t.ok<TallyReply>('committee', { action: 'tally', electionId: v.electionId, nominee: id(0) }, CLERK);
    expect(r.ballots).toBe(5);
    const list = r.nomineeBallots!;
    expect(list.map((b) => [b.voterId, b.post, b.channel, b.valid])).toEqual([
      [id(30), 'director', 'app', true],
      [id(31), 'member', 'app', true],
      [id(50), 'director', 'paper', false],
    ]);
    expect(list[0]).toMatchObject({ name: v.people[30]!.doc.name, group: v.people[30]!.doc.group, postLabel: '主任', scanRef: null });
    expect(list[2]).toMatchObject({ scanRef: 'PAPER-0050', signatureUrl: null });
    for (const b of list.slice(0, 2)) {
      const file = fileOfUrl(b.signatureUrl!);
      expect(file).toContain(b.voterId);
      expect(file.endsWith('.svg')).toBe(true);
      expect((await t.app.storage.read(file))!.toString('utf8')).toMatch(/^<svg /);
    }
    // Ballots not naming the nominee (32, 33) never appear, not even their signers' ids.
    const json = JSON.stringify(list);
    expect(json).not.toContain(id(32));
    expect(json).not.toContain(id(33));
  });

  it('another nominee gets only their own ballots; someone named nowhere gets none', async () => {
    const four = await t.ok<TallyReply>('committee', { action: 'tally', electionId: v.electionId, nominee: id(4) }, CLERK);
    expect(four.nomineeBallots!.map((b) => b.voterId)).toEqual([id(31), id(32)]);
    const nobody = await t.ok<TallyReply>('committee', { action: 'tally', electionId: v.electionId, nominee: id(59) }, CLERK);
    expect(nobody.nomineeBallots).toEqual([]);
  });

  it('the general tally stays counts only', async () => {
    const r = await t.ok<TallyReply>('committee', { action: 'tally', electionId: v.electionId }, CLERK);
    expect(r.nomineeBallots).toBeNull();
    for (const signer of [30, 31, 32, 33, 50]) expect(JSON.stringify(r)).not.toContain(id(signer));
  });

  it('is refused for a villager, with or without a nominee', async () => {
    for (const extra of [{ nominee: id(0) }, {}]) {
      const r = await t.call('committee', { action: 'tally', electionId: v.electionId, ...extra }, v.openid(40));
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
      expect(JSON.stringify(r)).not.toContain(id(30));
    }
  });
});
