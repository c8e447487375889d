/**
 * The committee's side (RULES.md §2–3): close only after the window, ties surfaced and resolved,
 * the women rule, a committee member nominated, review, withdrawal after publication, the notice
 * source, paper ballots (invalid counted as invalid), tally equal to the recount.
 */
import { addDays, endOfShanghaiDay } from '../../../src/domain/civil-date';
import { CLERK, TOWNSHIP, describeEachStore, makeTestApp, type TestApp } from '../harness';
import { afterWindow, close, intoWindow, nominationVillage, reviewAll, submit, type NominationVillage } from './nomination-fixture';

/** Each ballot i names people per the plan: post → list of person indexes per ballot. */
async function vote(t: TestApp, v: NominationVillage, plan: Array<{ director?: number[]; deputy?: number[]; member?: number[] }>): Promise<void> {
  const id = (i: number) => v.people[i]!.id;
  for (const [i, b] of plan.entries()) {
    const r = await submit(t, v, 30 + i, { director: b.director?.map(id), deputy: b.deputy?.map(id), member: b.member?.map(id) });
    if (!r.ok) throw new Error(`ballot ${i}: ${r.reason}`);
  }
}

/** Rule checks (not races) on the fake: a light per-call latency keeps the suite quick. */
const RULE_LATENCY = { latencyMs: 2, jitterMs: 1 };

describeEachStore('committee nominations', (kind) => {
  let t: TestApp;
  let v: NominationVillage;
  beforeEach(async () => {
    t = makeTestApp({ store: kind, latency: RULE_LATENCY });
    v = await nominationVillage(t, 60);
    intoWindow(t, v);
  });
  afterEach(() => t.close());

  it('refuses to close before the end of the closing day (Beijing time) and closes one second after', async () => {
    await vote(t, v, [{ director: [0] }]);
    t.setNow(new Date(endOfShanghaiDay(v.closesOn).getTime() - 1000).toISOString());
    expect(await close(t, v)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'WINDOW_STILL_OPEN' });
    afterWindow(t, v);
    expect(await close(t, v)).toMatchObject({ ok: true });
  });

  it('surfaces a tie at the cut line, refuses publication, and records the committee resolution', async () => {
    // 主任 1 seat + 1 → target 2: person 0 has 3 votes, persons 2, 4 and 6 have 2 each.
    await vote(t, v, [{ director: [0] }, { director: [0] }, { director: [0] }, { director: [2] }, { director: [2] }, { director: [4] }, { director: [4] }, { director: [6] }, { director: [6] }, { member: [1, 3, 5] }]);
    afterWindow(t, v);
    const r = await close(t, v);
    expect(r.ok && r.data.selection.problems.filter((p) => p.reason === 'TIE_AT_CUT')).toEqual([expect.objectContaining({ post: 'director', slots: 1, tied: expect.arrayContaining([expect.objectContaining({ voterId: v.people[6]!.id })]) })]);
    expect(await t.call('committee', { action: 'publishCandidates', electionId: v.electionId }, CLERK)).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'TIE_AT_CUT' });
    const wrong = await close(t, v, { resolution: { post: 'director', chosen: [v.people[0]!.id], method: 'draw', record: '3月5日选举委员会抽签记录' } });
    expect(wrong).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'RESOLUTION_NOT_APPLICABLE' });
    const settled = await close(t, v, { resolution: { post: 'director', chosen: [v.people[4]!.id], method: 'draw', record: '3月5日选举委员会抽签记录' } });
    expect(settled.ok && settled.data.selection.posts.find((p) => p.post === 'director')!.candidates.map((c) => c.voterId).sort()).toEqual([v.people[0]!.id, v.people[4]!.id].sort());
    await t.linkAudit();
    const audit = await t.app.store.find('audit', { scope: v.electionId }, { limit: 1000 });
    expect(audit.some((e) => e.action === 'committee.resolveCandidates')).toBe(true);
  });

  it('adds the woman with most votes when none is among the top', async () => {
    // Men are even indexes, women odd. 委员 3 seats + 3 → 6: six men lead; woman 7 has the most among women.
    await vote(t, v, [
      { member: [0, 2, 4] }, { member: [0, 2, 4] }, { member: [6, 8, 10] }, { member: [6, 8, 10] }, { member: [0, 2, 7] }, { member: [4, 6, 9] }, { member: [8, 10, 7] },
      { director: [12] }, { director: [14] }, { director: [12] }, { deputy: [16] }, { deputy: [18] }, { deputy: [16] },
    ]);
    afterWindow(t, v);
    const r = await close(t, v);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.selection.woman.status).toBe('added');
    const members = r.data.selection.posts.find((p) => p.post === 'member')!.candidates;
    expect(members.find((c) => c.via === 'womanRule')).toMatchObject({ voterId: v.people[7]!.id });
  });

  it('counts invalid paper ballots as invalid and the tally equals the recount from the audit log', async () => {
    await vote(t, v, [{ director: [0] }, { director: [2], member: [1, 3] }]);
    const paper = (i: number, valid: boolean) => ({ action: 'enterPaperNomination', electionId: v.electionId, voterId: v.people[i]!.id, voterName: v.people[i]!.doc.name, names: { director: [v.people[0]!.id] }, valid, ...(valid ? {} : { invalidReason: '字迹无法辨认' }), scanRef: `PAPER-${i}`, assisted: false });
    expect(await t.call('committee', paper(50, true), CLERK)).toMatchObject({ ok: true, data: { valid: true } });
    expect(await t.call('committee', { ...paper(51, false), invalidReason: undefined }, CLERK)).toMatchObject({ ok: false, reason: 'INVALID_REASON_REQUIRED' });
    expect(await t.call('committee', paper(51, false), CLERK)).toMatchObject({ ok: true, data: { valid: false } });
    const tally = await t.ok<{ ballots: number; valid: number; invalid: number; paper: number; posts: { post: string; lines: { votes: number; voterId: string }[] }[]; recount: { matches: boolean } }>('committee', { action: 'tally', electionId: v.electionId, recount: true }, CLERK);
    expect(tally).toMatchObject({ ballots: 4, valid: 3, invalid: 1, paper: 2, recount: { matches: true } });
    expect(tally.posts.find((p) => p.post === 'director')!.lines[0]).toMatchObject({ voterId: v.people[0]!.id, votes: 2 });
    expect(JSON.stringify(tally)).not.toContain(v.people[30]!.id);
  });

  it('detects a ballot changed outside the actions: the recount no longer matches', async () => {
    await vote(t, v, [{ director: [0] }, { director: [2] }]);
    await t.app.store.update('nomination', `${v.electionId}:${v.people[30]!.id}`, { names: { director: [v.people[2]!.id] } });
    const tally = await t.ok<{ recount: { matches: boolean } }>('committee', { action: 'tally', electionId: v.electionId, recount: true }, CLERK);
    expect(tally.recount.matches).toBe(false);
  });

  it('publishes after review in stroke order, writes the notice source, then a withdrawal refills and needs re-publication', async () => {
    await vote(t, v, [
      { director: [0] }, { director: [0] }, { director: [2] }, { director: [4] },
      { deputy: [6] }, { deputy: [6] }, { deputy: [8] }, { deputy: [10] },
      { member: [1, 3, 5] }, { member: [1, 3, 5] }, { member: [7, 9, 11] }, { member: [13, 15, 17] }, { member: [1, 3, 19] },
    ]);
    afterWindow(t, v);
    const r = await close(t, v, { resolution: undefined });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 主任: 0 (2 votes) then a tie of 2 and 4 at one vote: resolve.
    const res = await close(t, v, { resolution: { post: 'director', chosen: [v.people[2]!.id], method: 'preElection', record: '预选记录' } });
    const resDeputy = await close(t, v, { resolution: { post: 'deputy', chosen: [v.people[8]!.id], method: 'draw', record: '抽签记录' } });
    const resMember = await close(t, v, { resolution: { post: 'member', chosen: [7, 9, 11].map((i) => v.people[i]!.id), method: 'draw', record: '抽签记录' } });
    expect(res.ok && resDeputy.ok && resMember.ok).toBe(true);
    if (!resMember.ok) return;
    expect(await t.call('committee', { action: 'publishCandidates', electionId: v.electionId }, CLERK)).toMatchObject({ ok: false, reason: 'REVIEW_PENDING' });
    await reviewAll(t, v, resMember.data.selection);
    const pub = await t.ok<{ version: number; order: string; posts: { post: string; names: { name: string; voterId: string }[] }[]; tallyRoot: string }>('committee', { action: 'publishCandidates', electionId: v.electionId }, CLERK);
    // RULES.md §4: every formal candidate is marked on their proxy load, so no one can make them a proxy now.
    const listed = pub.posts.flatMap((p) => p.names);
    expect(listed.length).toBeGreaterThan(0);
    for (const n of listed) expect(await t.app.store.get('proxyLoad', `${v.electionId}:${n.voterId}`)).toMatchObject({ formalCandidate: true });
    expect(pub).toMatchObject({ version: 1, order: 'stroke' });
    const source = await t.app.store.get('meta', `noticeSource:${v.electionId}:formalCandidates`);
    expect(source).toMatchObject({ type: 'formalCandidates', summary: expect.stringContaining(pub.tallyRoot) });
    expect(await t.call('committee', { action: 'publishCandidates', electionId: v.electionId }, CLERK)).toMatchObject({ ok: false, reason: 'UNCHANGED' });
    const notice = await t.call('committee', { action: 'publishNotice', electionId: v.electionId, type: 'formalCandidates' }, CLERK);
    expect(notice).toMatchObject({ ok: true });

    const director = pub.posts.find((p) => p.post === 'director')!;
    const withdrawn = v.people.find((p) => p.doc.name === director.names[0]!.name)!;
    const w = await t.ok<{ refilledBy: { voterId: string } | null; republishNeeded: boolean }>('committee', { action: 'withdrawCandidate', electionId: v.electionId, voterId: withdrawn.id, writtenOn: addDays(v.closesOn, 1), record: '本人书面退出申请' }, CLERK);
    expect(w.republishNeeded).toBe(true);
    expect(w.refilledBy).not.toBeNull();
    expect(await t.call('committee', { action: 'withdrawCandidate', electionId: v.electionId, voterId: withdrawn.id, writtenOn: addDays(v.closesOn, 1), record: '本人书面退出申请' }, CLERK)).toMatchObject({ ok: false, reason: 'ALREADY_WITHDRAWN' });
    await t.ok('committee', { action: 'reviewCandidate', electionId: v.electionId, voterId: w.refilledBy!.voterId, checks: [{ key: 'rightToStand', outcome: 'pass' }] }, CLERK);
    expect(await t.ok('committee', { action: 'publishCandidates', electionId: v.electionId }, CLERK)).toMatchObject({ version: 2 });
  });

  it('a blocking review excludes the candidate and records reason and source; a flag needs a note', async () => {
    await vote(t, v, [{ director: [0] }, { director: [0] }, { director: [2] }, { director: [2] }, { director: [4] }]);
    afterWindow(t, v);
    await close(t, v);
    expect(await t.call('committee', { action: 'reviewCandidate', electionId: v.electionId, voterId: v.people[0]!.id, checks: [{ key: 'integrity', outcome: 'flag' }] }, CLERK)).toMatchObject({ ok: false, reason: 'NOTE_REQUIRED' });
    expect(await t.call('committee', { action: 'reviewCandidate', electionId: v.electionId, voterId: v.people[0]!.id, checks: [{ key: 'nope', outcome: 'pass' }] }, CLERK)).toMatchObject({ ok: false, reason: 'UNKNOWN_CHECK' });
    const r = await t.ok<{ candidate: { status: string; review: { source: string; note: string }[] }; selection: { posts: { post: string; candidates: { voterId: string }[] }[] } }>(
      'committee',
      { action: 'reviewCandidate', electionId: v.electionId, voterId: v.people[0]!.id, checks: [{ key: 'lawAbiding', outcome: 'block', note: '正在服刑' }], profile: { education: '高中', partyMember: true, incumbent: false } },
      CLERK,
    );
    expect(r.candidate).toMatchObject({ status: 'disqualified', review: [{ note: '正在服刑', source: expect.stringContaining('规程') }] });
    expect(r.selection.posts.find((p) => p.post === 'director')!.candidates.map((c) => c.voterId).sort()).toEqual([v.people[2]!.id, v.people[4]!.id].sort());
  });

  it('a committee member nominated leaves the committee at once and the committee is told to fill the seat', async () => {
    // Person 5 is bound (fixture) and then joins the committee: the membership links to their roll entry.
    const { code } = await t.ok<{ code: string }>('township', { action: 'inviteCommittee', villageId: v.villageId }, TOWNSHIP);
    await t.ok('identity', { action: 'redeemInvite', code }, v.openid(5));
    expect(await t.call('committee', { action: 'tally', electionId: v.electionId }, v.openid(5))).toMatchObject({ ok: true });
    await vote(t, v, [{ member: [5] }, { director: [0] }]);
    afterWindow(t, v);
    const r = await close(t, v);
    expect(r).toMatchObject({ ok: true, data: { seatsToFill: [{ voterId: v.people[5]!.id, name: v.people[5]!.doc.name }] } });
    expect(await t.call('committee', { action: 'tally', electionId: v.electionId }, v.openid(5))).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'MEMBER_REVOKED' });
    expect(await t.ok('committee', { action: 'tally', electionId: v.electionId }, CLERK)).toMatchObject({ closed: true, seatsToFill: [{ voterId: v.people[5]!.id }] });
  });

  it('refuses publication after E − publishDaysBefore', async () => {
    await vote(t, v, [{ director: [0] }]);
    afterWindow(t, v);
    await close(t, v);
    t.setNow(new Date(endOfShanghaiDay(addDays(v.electionDay, -5)).getTime() + 1000).toISOString());
    expect(await t.call('committee', { action: 'publishCandidates', electionId: v.electionId }, CLERK)).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'PAST_DEADLINE' });
  });
});
