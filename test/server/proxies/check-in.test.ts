/** committee.checkIn on election day: a proxy's ballot once, in person voids the proxy, retries answer alike. */
import { approved, CLERK, ELECTION_DAY_MORNING, world, type View, type World, describeEachStore } from './proxy-fixture';

type Reply = { outcome: string; message: string; voter: { voterId: string }; authorization: View | null };

describeEachStore('committee.checkIn', (kind) => {
  let w: World;
  let a: View;
  const checkIn = (over: Record<string, unknown>) => w.t.call<Reply>('committee', { action: 'checkIn', electionId: w.f.electionId, ...over }, CLERK);
  /** One request sent twice with the same id, as the client retries on a weak network. */
  const sameRequest = (event: Record<string, unknown>) => checkIn({ ...event, requestId: 'r_checkin_7k2m9q' });

  beforeEach(async () => {
    w = await world(kind);
    a = await approved(w);
    w.t.setNow(ELECTION_DAY_MORNING);
  });
  afterEach(() => w.t.close());

  it('issues the principal\'s ballot to the proxy on the certificate, once; a second use is refused', async () => {
    expect(await checkIn({ kind: 'proxyBallot', certificate: a.certificateQr })).toMatchObject({
      ok: true,
      data: { outcome: 'ballotIssued', voter: { voterId: w.principal.id }, authorization: { status: 'used', statusLabel: '已代领选票' } },
    });
    expect(await checkIn({ kind: 'proxyBallot', certificate: a.certificateQr })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_USED', message: expect.stringContaining('已经用过') });
    expect(await checkIn({ kind: 'proxyBallot', voterId: w.principal.id })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_USED' });
    expect(await checkIn({ kind: 'inPerson', voterId: w.principal.id })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_USED' });
    const figures = await w.t.ok<{ figures: { used: number } }>('committee', { action: 'listProxies', electionId: w.f.electionId }, CLERK);
    expect(figures.figures.used).toBe(1);
  });

  it('answers a retried request (same client requestId) with its first reply instead of refusing it, and acts once', async () => {
    const first = await sameRequest({ kind: 'proxyBallot', certificate: a.certificateQr });
    const again = await sameRequest({ kind: 'proxyBallot', certificate: a.certificateQr });
    expect(first).toMatchObject({ ok: true, data: { outcome: 'ballotIssued' } });
    expect(again).toEqual(first);
    expect(await checkIn({ kind: 'proxyBallot', certificate: a.certificateQr })).toMatchObject({ ok: false, reason: 'ALREADY_USED' });
  });

  it('voids the proxy when the principal votes in person; the certificate is then refused', async () => {
    expect(await checkIn({ kind: 'inPerson', voterId: w.principal.id })).toMatchObject({ ok: true, data: { outcome: 'proxyVoided', authorization: { status: 'voided', reason: '委托人本人到场投票' } } });
    expect(await checkIn({ kind: 'proxyBallot', certificate: a.certificateQr })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'PRINCIPAL_VOTED_IN_PERSON' });
    expect(await checkIn({ kind: 'inPerson', voterId: w.principal.id })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_CHECKED_IN' });
  });

  it('records a voter without a proxy coming in person', async () => {
    expect(await checkIn({ kind: 'inPerson', voterId: w.proxy.id })).toMatchObject({ ok: true, data: { outcome: 'recorded', authorization: null } });
  });

  it('takes the number printed on the certificate, typed as a clerk would, once; an unknown number is NO_SUCH_CERTIFICATE', async () => {
    expect(a.certificateNo).toBe('W001');
    expect(await checkIn({ kind: 'proxyBallot', certificate: 'W002' })).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NO_SUCH_CERTIFICATE' });
    expect(await checkIn({ kind: 'proxyBallot', certificate: ' ｗ００１ ' })).toMatchObject({ ok: true, data: { outcome: 'ballotIssued', voter: { voterId: w.principal.id } } });
    expect(await checkIn({ kind: 'proxyBallot', certificate: '1' })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_USED' });
    expect(await checkIn({ kind: 'proxyBallot', certificate: a.certificateQr })).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'ALREADY_USED' });
  });

  it('rejects BAD_CERTIFICATE for a QR not signed by this deployment', async () => {
    const forged = a.certificateQr!.replace(/\.[^.]+$/, '.AAAA');
    expect(await checkIn({ kind: 'proxyBallot', certificate: forged })).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_CERTIFICATE' });
  });

  it('rejects NO_SUCH_CERTIFICATE for a voter with no approved proxy, VOTER_UNKNOWN for someone not on the list', async () => {
    expect(await checkIn({ kind: 'proxyBallot', voterId: w.proxy.id })).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NO_SUCH_CERTIFICATE' });
    expect(await checkIn({ kind: 'inPerson', voterId: w.pending.id })).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'VOTER_UNKNOWN' });
  });

  it('rejects NOT_ELECTION_DAY the day before (Beijing time) and accepts from 00:00 of election day', async () => {
    w.t.setNow('2026-04-09T15:59:59.000Z');
    expect(await checkIn({ kind: 'proxyBallot', certificate: a.certificateQr })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED', reason: 'NOT_ELECTION_DAY' });
    w.t.setNow('2026-04-09T16:00:00.000Z');
    expect(await checkIn({ kind: 'proxyBallot', certificate: a.certificateQr })).toMatchObject({ ok: true });
  });
});
