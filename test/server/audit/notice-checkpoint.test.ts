import { createEd25519Signer, generateEd25519KeyPem, verifyEd25519 } from '../../../server/adapters/crypto/ed25519.signer';
import { checkpointPayload } from '../../../server/audit/audit-checkpoint';
import { auditDocId } from '../../../server/audit/audit-log';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { createKeyring } from '../../../server/adapters/crypto/ed25519.keyring';
import type { Settings } from '../../../server/config/settings';
import { CLERK, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';

type Checkpoint = { seq: number; hash: string; at: string; keyId: string; signature: string };
type Keys = { currentKeyId: string; keys: Array<{ keyId: string; current: boolean; pem: string }> };

describe('published notices carry their checkpoint (存证)', () => {
  let t: TestApp;
  let f: VillageFixture;
  beforeEach(async () => {
    t = makeTestApp();
    f = await villageWithElection(t);
  });
  afterEach(() => t.close());

  const publish = (title: string) =>
    t.ok<{ notice: { id: string } }>('committee', { action: 'publishNotice', electionId: f.electionId, type: 'freeText', title, body: '定于3月5日召开选民会议。' }, CLERK);
  const checkpointOf = async (noticeId: string) => (await t.ok<{ notice: { checkpoint: Checkpoint | null } }>('notices', { action: 'get', noticeId }, CLERK)).notice.checkpoint;

  it('links the election first and stores the signed head the notice was published under', async () => {
    const before = await t.app.store.count('auditPending', { scope: f.electionId });
    expect(before).toBeGreaterThan(0);
    const { notice } = await publish('召开选民会议的通知');
    const cp = await checkpointOf(notice.id);
    // Everything committed before the publication is in the chain it pins; its own entry comes after.
    expect(cp).toMatchObject({ seq: before, keyId: t.app.signer.keyId });
    const { keys } = await t.ok<Keys>('identity', { action: 'publicKeys' });
    const pem = keys.find((k) => k.keyId === cp!.keyId)!.pem;
    expect(verifyEd25519(pem, checkpointPayload({ scope: f.electionId, seq: cp!.seq, hash: cp!.hash, at: cp!.at, keyId: cp!.keyId }), cp!.signature)).toBe(true);
    await t.linkAudit();
    expect(await t.app.store.get('audit', auditDocId(f.electionId, cp!.seq))).toMatchObject({ hash: cp!.hash });
    expect(await t.app.store.get('audit', auditDocId(f.electionId, cp!.seq + 1))).toMatchObject({ action: 'committee.publishNotice', subject: notice.id });
    expect(await verifyAuditChain(t.app.store, f.electionId, { keyring: createKeyring(t.app.signer) })).toMatchObject({ ok: true });
  });

  it('gives a later notice a checkpoint that covers the earlier publication', async () => {
    const firstId = (await publish('第一份通知')).notice.id;
    const first = await checkpointOf(firstId);
    const second = await checkpointOf((await publish('第二份通知')).notice.id);
    const linked = await t.app.store.find('audit', { scope: f.electionId }, { limit: 1000, orderBy: { field: 'seq', direction: 'asc' } });
    const firstEntry = linked.find((d) => d.action === 'committee.publishNotice' && d.subject === firstId);
    expect(firstEntry!.seq).toBe(first!.seq + 1);
    expect(second!.seq).toBeGreaterThanOrEqual(first!.seq + 1);
  });

  it('puts the checkpoint on the voter list notice too', async () => {
    const r = await t.ok<{ notice: { id: string } }>('committee', { action: 'publishVoterList', electionId: f.electionId }, CLERK);
    expect(await checkpointOf(r.notice.id)).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('identity.publicKeys', () => {
  it('returns the current key and every retired key of SIGNING_KEYRING, to anyone', async () => {
    const t = makeTestApp();
    const retired = createEd25519Signer(generateEd25519KeyPem());
    (t.app as { settings: Settings }).settings = { ...t.app.settings, retiredPublicKeys: [retired.publicKeyPem] };
    const r = await t.ok<Keys>('identity', { action: 'publicKeys' }, null);
    expect(r.currentKeyId).toBe(t.app.signer.keyId);
    expect(r.keys).toEqual([
      { keyId: t.app.signer.keyId, current: true, pem: t.app.signer.publicKeyPem },
      { keyId: retired.keyId, current: false, pem: retired.publicKeyPem },
    ]);
    await t.close();
  });
});
