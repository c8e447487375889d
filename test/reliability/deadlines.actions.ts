/**
 * The deadlines check through the actions (deadlines.child.ts runs these in a host time zone
 * far from China): for each statutory cutoff an action enforces, one call 1 s before and one
 * 1 s after the instant, computed here without the domain (00:00 Asia/Shanghai = 16:00 UTC the
 * day before). The open side must be accepted (ok), the closed side refused WINDOW_CLOSED with
 * the action's documented reason.
 */
import { addDays } from '../../src/domain/civil-date';
import { latestVoterListPublication } from '../../src/domain/calendar';
import type { Envelope } from '../../src/contracts/envelope';
import { rulesOf } from '../../server/use-cases/shared/election.view';
import type { ElectionDoc } from '../../src/contracts/documents/election-documents.schema';
import { CLERK, makeTestApp, villageWithElection, type TestApp } from '../server/harness';
import { addVoters, bindVoter, syntheticId } from '../server/objections/fixtures';
import { nominationVillage, submit, type NominationVillage } from '../server/nominations/nomination-fixture';
import { accept, decide, requestEvent, world, PRINCIPAL, PROXY, type View } from '../server/proxies/proxy-fixture';

const SECOND = 1000;
/** 00:00 Asia/Shanghai at the start of `day`: 16:00 UTC the day before. */
export const startOf = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - 8 * 3600 * SECOND;
/** 00:00 Asia/Shanghai after `day` (its end). */
export const endOf = (day: string): number => startOf(addDays(day, 1));

type Reply = Envelope<unknown>;
export interface Tally {
  passed: number;
  readonly findings: string[];
}

/** One side of one cutoff: `closed` names the WINDOW_CLOSED reason expected, null for "accepted". */
function expectSide(tally: Tally, what: string, reply: Reply, closed: string | null): void {
  const good = closed === null ? reply.ok : !reply.ok && reply.code === 'WINDOW_CLOSED' && reply.reason === closed;
  if (good) tally.passed += 1;
  else tally.findings.push(`${what}: ${reply.ok ? 'accepted' : `${reply.code} ${reply.reason ?? ''}`}, expected ${closed === null ? 'accepted' : `WINDOW_CLOSED ${closed}`}`);
}

const at = (t: TestApp, ms: number) => t.setNow(new Date(ms).toISOString());

/** Villager registration (declare, apply) and the list's publication close after E − N. */
async function registration(tally: Tally): Promise<void> {
  const t = makeTestApp({ latency: { latencyMs: 0, jitterMs: 0 } });
  try {
    const f = await villageWithElection(t, { voters: 0 });
    const migrants = await addVoters(t, f, [{ name: '孙外出', group: '第一村民小组' }, { name: '钱外出', group: '第二村民小组' }]);
    for (const [i, m] of migrants.entries()) {
      await t.app.store.update('voter', m.id, { category: 'B', status: 'pending' });
      await bindVoter(t, m, `dl-migrant-${i}`);
    }
    const election = (await t.app.store.get('election', f.electionId)) as unknown as ElectionDoc;
    const cutoff = endOf(latestVoterListPublication(f.electionDay, rulesOf(election)));
    const apply = (n: number) => ({ action: 'applyResidence', electionId: f.electionId, name: `周新来${'甲乙'[n]}`, idNumber: syntheticId('1980-05-0' + (n + 1), `0${n}7`), group: '第二村民小组', residenceSince: '2020-01-01', consent: true });
    at(t, cutoff - SECOND);
    expectSide(tally, 'registration.declareParticipation 1 s before the registration cutoff', await t.call('registration', { action: 'declareParticipation' }, 'dl-migrant-0'), null);
    expectSide(tally, 'registration.applyResidence 1 s before the registration cutoff', await t.call('registration', apply(0), 'dl-new-0'), null);
    at(t, cutoff + SECOND);
    expectSide(tally, 'registration.declareParticipation 1 s after the registration cutoff', await t.call('registration', { action: 'declareParticipation' }, 'dl-migrant-1'), 'REGISTRATION_CLOSED');
    expectSide(tally, 'registration.applyResidence 1 s after the registration cutoff', await t.call('registration', apply(1), 'dl-new-1'), 'REGISTRATION_CLOSED');
    expectSide(tally, 'committee.publishVoterList 1 s after its last lawful day', await t.call('committee', { action: 'publishVoterList', electionId: f.electionId }, CLERK), 'PUBLICATION_TOO_LATE');
    at(t, cutoff - SECOND);
    expectSide(tally, 'committee.publishVoterList 1 s before the end of its last lawful day', await t.call('committee', { action: 'publishVoterList', electionId: f.electionId }, CLERK), null);
  } finally {
    await t.close();
  }
}

/**
 * nominations.submit (and paper entry) opens at 00:00 of the opening day, submit closes after the
 * closing day and closing the window waits for that; a candidate may withdraw until election day.
 */
async function nominations(tally: Tally): Promise<void> {
  const t = makeTestApp({ latency: { latencyMs: 0, jitterMs: 0 } });
  try {
    const v: NominationVillage = await nominationVillage(t, 8);
    const names = (i: number) => ({ director: [v.people[i]!.id], member: [v.people[i + 1]!.id] });
    const paper = (i: number) => ({ action: 'enterPaperNomination', electionId: v.electionId, voterId: v.people[i]!.id, voterName: v.people[i]!.doc.name, names: names(5), valid: true, scanRef: `PAPER-${i}`, assisted: false });
    at(t, startOf(v.opensOn) - SECOND);
    expectSide(tally, 'nominations.submit 1 s before the nomination window opens', await submit(t, v, 0, names(5)), 'NOT_OPEN_YET');
    expectSide(tally, 'committee.enterPaperNomination 1 s before the nomination window opens', await t.call('committee', paper(3), CLERK), 'NOT_OPEN_YET');
    at(t, startOf(v.opensOn) + SECOND);
    expectSide(tally, 'nominations.submit 1 s after the nomination window opens', await submit(t, v, 0, names(5)), null);
    expectSide(tally, 'committee.enterPaperNomination 1 s after the nomination window opens', await t.call('committee', paper(3), CLERK), null);
    at(t, endOf(v.closesOn) - SECOND);
    expectSide(tally, 'nominations.submit 1 s before the nomination window closes', await submit(t, v, 1, names(5)), null);
    expectSide(tally, 'committee.closeNominations 1 s before the nomination window closes', await t.call('committee', { action: 'closeNominations', electionId: v.electionId }, CLERK), 'WINDOW_STILL_OPEN');
    at(t, endOf(v.closesOn) + SECOND);
    expectSide(tally, 'nominations.submit 1 s after the nomination window closes', await submit(t, v, 2, names(5)), 'CLOSED');
    expectSide(tally, 'committee.closeNominations 1 s after the nomination window closes', await t.call('committee', { action: 'closeNominations', electionId: v.electionId }, CLERK), null);
    const withdraw = (i: number) => t.call('committee', { action: 'withdrawCandidate', electionId: v.electionId, voterId: v.people[i]!.id, writtenOn: addDays(v.electionDay, -1), record: '本人书面退出申请' }, CLERK);
    at(t, startOf(v.electionDay) - SECOND);
    expectSide(tally, 'committee.withdrawCandidate 1 s before election day', await withdraw(6), null);
    at(t, startOf(v.electionDay) + SECOND);
    expectSide(tally, 'committee.withdrawCandidate 1 s into election day', await withdraw(5), 'ELECTION_DAY_PASSED');
  } finally {
    await t.close();
  }
}

/** Proxies: request, accept, approve and revoke close at the end of E − N; the list before E; check-in on E only. */
async function proxies(tally: Tally): Promise<void> {
  const w = await world('sqlite', { extra: 6 });
  const { t, f } = w;
  try {
    const [p2, p3, p4, p5, y, walkIn] = w.others.slice(-6) as [typeof w.proxy, typeof w.proxy, typeof w.proxy, typeof w.proxy, typeof w.proxy, typeof w.proxy];
    for (const [v, openid] of [[p2, 'dl-p2'], [p3, 'dl-p3'], [p4, 'dl-p4'], [p5, 'dl-p5'], [y, 'dl-proxy-y']] as const) await bindVoter(t, v, openid);
    const election = (await t.app.store.get('election', f.electionId)) as unknown as ElectionDoc;
    const cutoff = endOf(addDays(f.electionDay, -rulesOf(election).proxy.deadlineDaysBefore));
    const request = (openid: string, proxyId: string) => t.call<{ authorization: View }>('proxies', requestEvent(proxyId), openid);
    const idOf = (r: Reply) => (r.ok ? (r.data as { authorization: View }).authorization.id : '');
    at(t, cutoff - SECOND);
    const first = await request(PRINCIPAL, w.proxy.id);
    expectSide(tally, 'proxies.request 1 s before the proxy cutoff', first, null);
    expectSide(tally, 'proxies.respond (accept) 1 s before the proxy cutoff', await accept(t, idOf(first)), null);
    expectSide(tally, 'committee.decideProxy (approve) 1 s before the proxy cutoff', await decide(t, f, idOf(first)), null);
    const unanswered = idOf(await request('dl-p2', w.proxy.id));
    const unapproved = idOf(await request('dl-p3', y.id));
    await accept(t, unapproved, 'dl-proxy-y');
    const revocable = idOf(await request('dl-p4', y.id));
    expectSide(tally, 'proxies.revoke 1 s before the proxy cutoff', await t.call('proxies', { action: 'revoke', id: revocable }, 'dl-p4'), null);
    at(t, cutoff + SECOND);
    expectSide(tally, 'proxies.request 1 s after the proxy cutoff', await request('dl-p5', y.id), 'DEADLINE_PASSED');
    expectSide(tally, 'proxies.respond (accept) 1 s after the proxy cutoff', await accept(t, unanswered, PROXY), 'DEADLINE_PASSED');
    expectSide(tally, 'committee.decideProxy (approve) 1 s after the proxy cutoff', await decide(t, f, unapproved), 'DEADLINE_PASSED');
    expectSide(tally, 'proxies.revoke 1 s after the proxy cutoff', await t.call('proxies', { action: 'revoke', id: idOf(first) }, PRINCIPAL), 'DEADLINE_PASSED');
    // Declining and rejecting stay open after the cutoff: the list cannot be published with decisions pending.
    await t.ok('proxies', { action: 'respond', id: unanswered, accept: false, reason: '选举那天我也不在村里' }, PROXY);
    await t.ok('committee', { action: 'decideProxy', electionId: f.electionId, id: unapproved, approve: false, reason: '截止前没有审核完' }, CLERK);
    await electionDay(tally, t, f.electionId, f.electionDay, [w.proxy.id, y.id, walkIn.id]);
  } finally {
    await t.close();
  }
}

/** The proxy list is published before 00:00 of E; check-in runs on E only (both ends). */
async function electionDay(tally: Tally, t: TestApp, electionId: string, day: string, voterIds: readonly string[]): Promise<void> {
  const checkIn = (voterId: string) => t.call('committee', { action: 'checkIn', electionId, kind: 'inPerson', voterId }, CLERK);
  const publishList = () => t.call('committee', { action: 'publishProxyList', electionId }, CLERK);
  at(t, startOf(day) - SECOND);
  expectSide(tally, 'committee.publishProxyList 1 s before election day', await publishList(), null);
  expectSide(tally, 'committee.checkIn 1 s before election day', await checkIn(voterIds[0]!), 'NOT_ELECTION_DAY');
  at(t, startOf(day) + SECOND);
  expectSide(tally, 'committee.publishProxyList 1 s into election day', await publishList(), 'ELECTION_DAY_REACHED');
  expectSide(tally, 'committee.checkIn 1 s into election day', await checkIn(voterIds[0]!), null);
  at(t, endOf(day) - SECOND);
  expectSide(tally, 'committee.checkIn 1 s before election day ends', await checkIn(voterIds[1]!), null);
  at(t, endOf(day) + SECOND);
  expectSide(tally, 'committee.checkIn 1 s after election day', await checkIn(voterIds[2]!), 'NOT_ELECTION_DAY');
}

/** Every action-level cutoff above; each side counts once. */
export async function actionCutoffs(tally: Tally): Promise<void> {
  await registration(tally);
  await nominations(tally);
  await proxies(tally);
}
