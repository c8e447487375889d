import { noticeDoc } from '../../../src/contracts/documents/notice-documents.schema';
import { consentDoc, deliveryDoc } from '../../../src/contracts/documents/push-documents.schema';
import { idIndexDoc, voterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { verifyAuditChain } from '../../../server/audit/audit-verify';
import { findAllDocs, readDoc } from '../../../server/runtime/documents';
import { attachmentHash, readAttachmentEntries } from '../../../server/use-cases/notices/notice-attachment.records';
import { CLERK, TOWNSHIP, makeTestApp, villageWithElection, type TestApp, type VillageFixture } from '../harness';
import { addVoters, bindVoter, notifierOf, publish, subscribe, syntheticId, type ObjectionReply, type PublishReply } from './fixtures';

const OBJECTOR = 'wx-objector';
const NEW_ID = syntheticId('1975-03-15');

interface DecideReply {
  objection: ObjectionReply['objection'] & { clock: { daysLeft: number; overdue: boolean; label: string } };
  notice: { id: string; type: string; title: string; body: string; attachment: { hash: string } };
  delivery: { id: string; status: string };
  newVoter: null | { voterId: string; name: string; group: string; birthDate: string; status: string; bindingCode: string };
  warning: string | null;
}

const add = (over: Record<string, unknown> = {}) => ({ kind: 'addVoter', name: '孙海', idNumber: NEW_ID, group: '第二村民小组', category: 'A', ...over });

describe('committee.decideObjection', () => {
  let t: TestApp;
  let f: VillageFixture;
  let published: PublishReply;
  let objectionId: string;
  const decide = (over: Record<string, unknown> = {}) => ({
    action: 'decideObjection',
    electionId: f.electionId,
    objectionId,
    decision: 'upheld',
    reason: '经核实，孙海户籍在本村并在本村居住，应当列入选民名单',
    change: add(),
    ...over,
  });
  const file = async (event: Record<string, unknown>) => (await t.ok<ObjectionReply>('registration', { action: 'fileObjection', ...event }, OBJECTOR)).objection.id;

  beforeEach(async () => {
    // Published and objected on 2026-03-01 (Asia/Shanghai): the decision is due by 2026-03-04.
    t = makeTestApp('2026-03-01T02:00:00.000Z');
    f = await villageWithElection(t);
    await bindVoter(t, f.voters[0]!, OBJECTOR);
    published = await publish(t, f);
    objectionId = await file({ kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海一直住在第二村民小组，名单上没有他' });
  });
  afterEach(() => t.close());

  async function consentLeft(): Promise<number> {
    const cs = await findAllDocs(t.app.store, 'consent', { openid: OBJECTOR }, consentDoc);
    return cs.reduce((n, c) => n + c.unused, 0);
  }

  describe('adding a missing person', () => {
    it('creates the registered entry and its deployment-wide claim, with a binding code shown once', async () => {
      const r = await t.ok<DecideReply>('committee', decide(), CLERK);
      expect(r.newVoter).toMatchObject({ name: '孙海', group: '第二村民小组', birthDate: '1975-03-15', status: 'registered', bindingCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
      const v = await readDoc(t.app.store, 'voter', r.newVoter!.voterId, voterDoc);
      expect(v).toMatchObject({ status: 'registered', group: '第二村民小组', category: 'A' });
      const claim = await readDoc(t.app.store, 'idIndex', v!.idHash, idIndexDoc);
      expect(claim).toMatchObject({ voterId: r.newVoter!.voterId, electionId: f.electionId });
      expect(r.objection.decision).toMatchObject({ outcome: 'upheld', late: false, change: { kind: 'addVoter' } });
    });

    it('publishes the result as an objectionResults notice with names and groups only', async () => {
      const r = await t.ok<DecideReply>('committee', decide(), CLERK);
      const n = (await readDoc(t.app.store, 'notice', r.notice.id, noticeDoc))!;
      expect(n).toMatchObject({ type: 'objectionResults', electionId: f.electionId, corrects: null });
      const rows = await readAttachmentEntries(t.app.store, r.notice.id, n.attachment!);
      expect(rows).toEqual([{ no: 1, kind: '漏登（应当列入名单的人没有列入）', name: '孙海', group: '第二村民小组', outcome: '申诉成立', change: '列入选民名单', late: false }]);
      expect(n.body).toContain('理由：经核实，孙海户籍在本村并在本村居住');
      expect(JSON.stringify([r, n])).not.toContain(NEW_ID);
      expect(JSON.stringify(n)).not.toContain('9901**********0135');
    });

    it('pushes the decision to a subscribed objector with the notice template, spending one consent', async () => {
      await subscribe(t, OBJECTOR, 2);
      const r = await t.ok<DecideReply>('committee', decide(), CLERK);
      expect(r.delivery.status).toBe('sent');
      const sent = notifierOf(t).deliveries();
      expect(sent).toHaveLength(1);
      expect(sent[0]!.message).toMatchObject({
        openid: OBJECTOR,
        templateId: t.app.settings.noticeTemplateId,
        data: { thing1: { value: '第1号申诉成立' }, thing3: { value: expect.stringMatching(/^理由：经核实/) } },
      });
      const d = await readDoc(t.app.store, 'delivery', r.delivery.id, deliveryDoc);
      expect(d).toMatchObject({ status: 'sent', attempts: 1, recipientVoterId: f.voters[0]!.id, refId: objectionId, lastError: null });
      expect(await consentLeft()).toBe(1);
    });

    it('sends nothing to an objector without a consent left, and records it as noConsent', async () => {
      const r = await t.ok<DecideReply>('committee', decide(), CLERK);
      expect(r.delivery.status).toBe('noConsent');
      expect(notifierOf(t).deliveries()).toHaveLength(0);
      expect(await readDoc(t.app.store, 'delivery', r.delivery.id, deliveryDoc)).toMatchObject({ status: 'noConsent', attempts: 0 });
    });

    it('gives the consent back when WeChat refuses in a way that proves nothing was sent', async () => {
      await subscribe(t, OBJECTOR);
      notifierOf(t).failNext({ ok: false, transient: false, errCode: 40003, errMsg: 'invalid openid' });
      expect((await t.ok<DecideReply>('committee', decide(), CLERK)).delivery.status).toBe('failed');
      expect(await consentLeft()).toBe(1);
    });

    it('shows the objector the decision and its reason in myObjections', async () => {
      await t.ok('committee', decide(), CLERK);
      const mine = await t.ok<{ objections: ObjectionReply['objection'][] }>('registration', { action: 'myObjections' }, OBJECTOR);
      expect(mine.objections).toHaveLength(1);
      expect(mine.objections[0]).toMatchObject({ status: 'upheld', decision: { outcome: 'upheld', reason: '经核实，孙海户籍在本村并在本村居住，应当列入选民名单', late: false } });
    });

    it('leaves the published voter list as it was frozen', async () => {
      await t.ok('committee', decide(), CLERK);
      const n = (await readDoc(t.app.store, 'notice', published.notice.id, noticeDoc))!;
      const rows = await readAttachmentEntries(t.app.store, published.notice.id, n.attachment!);
      expect(rows.map((x) => x.name)).not.toContain('孙海');
      expect(attachmentHash('voterList', rows)).toBe(published.notice.attachment.hash);
    });

    it('rejects a person registered in another village (不重登)', async () => {
      const other = await villageWithElection(t, { name: '邻村', voters: 0 });
      const [there] = await addVoters(t, other, [{ name: '钱进', group: '第一村民小组' }]);
      const r = await t.call('committee', decide({ change: add({ name: '钱进', idNumber: there!.idNumber }) }), CLERK);
      expect(r).toMatchObject({ code: 'CONFLICT', reason: 'DOUBLE_REGISTRATION' });
      expect((await t.app.store.get('objection', objectionId))?.status).toBe('open');
    });

    it('rejects a person already on this roll', async () => {
      const r = await t.call('committee', decide({ change: add({ idNumber: f.voters[1]!.idNumber }) }), CLERK);
      expect(r).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ON_ROLL' });
    });

    it('rejects a person under 18 on election day (2026-04-10), accepts one turning 18 that day', async () => {
      expect(await t.call('committee', decide({ change: add({ idNumber: syntheticId('2008-04-11') }) }), CLERK)).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'UNDER_18' });
      expect((await t.ok<DecideReply>('committee', decide({ change: add({ idNumber: syntheticId('2008-04-10') }) }), CLERK)).newVoter?.status).toBe('registered');
    });
  });

  describe('the statutory decision deadline', () => {
    it('is not late on its last day at 23:59:59 Asia/Shanghai', async () => {
      t.setNow('2026-03-04T15:59:59.000Z');
      const r = await t.ok<DecideReply>('committee', decide(), CLERK);
      expect(r.objection.decision?.late).toBe(false);
      expect(r.objection.clock).toMatchObject({ overdue: false });
      expect(r.warning).toBeNull();
    });

    it('is recorded but permanently late a day later, stated in the notice, and counted overdue for the township', async () => {
      t.setNow('2026-03-04T16:00:00.000Z');
      const r = await t.ok<DecideReply>('committee', decide(), CLERK);
      expect(r.objection.decision?.late).toBe(true);
      expect(r.objection.clock).toMatchObject({ overdue: true, label: '已处理（超过法定期限）' });
      expect(r.warning).toMatch(/超期/);
      expect(r.notice.body).toContain('本决定超过法定处理期限作出');
      t.setNow('2026-04-01T02:00:00.000Z');
      const o = await t.ok<{ villages: { villageId: string; objections: { open: number; decided: number; overdue: number } }[] }>('township', { action: 'overview' }, TOWNSHIP);
      expect(o.villages.find((v) => v.villageId === f.villageId)?.objections).toEqual({ open: 0, decided: 1, overdue: 1 });
      const mine = await t.ok<{ objections: ObjectionReply['objection'][] }>('registration', { action: 'myObjections' }, OBJECTOR);
      expect(mine.objections[0]?.decision?.late).toBe(true);
    });

    it('cannot be decided again, so a late decision cannot be replaced', async () => {
      t.setNow('2026-03-05T02:00:00.000Z');
      await t.ok('committee', decide({ decision: 'rejected', change: undefined, reason: '经核实，孙海户籍不在本村' }), CLERK);
      expect(await t.call('committee', decide(), CLERK)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DECIDED' });
    });
  });

  describe('other list changes', () => {
    it('removes a wrong person with a status flag and the written reason', async () => {
      const id = await file({ kind: 'wrongPerson', voterId: f.voters[2]!.id, details: '张伟去年已经去世' });
      const r = await t.ok<DecideReply>('committee', decide({ objectionId: id, reason: '经核实，张伟已于去年去世', change: { kind: 'removeVoter', status: 'deceased' } }), CLERK);
      expect(r.objection.decision?.change?.kind).toBe('removeVoter');
      const v = await readDoc(t.app.store, 'voter', f.voters[2]!.id, voterDoc);
      expect(v).toMatchObject({ status: 'deceased', statusReason: expect.stringContaining('经核实，张伟已于去年去世') });
    });

    it('rejects the "unable to exercise" flag where the preset has none', async () => {
      const id = await file({ kind: 'wrongPerson', voterId: f.voters[2]!.id, details: '张伟长期卧床无法表达意志' });
      const r = await t.call('committee', decide({ objectionId: id, change: { kind: 'removeVoter', status: 'unableToExercise' } }), CLERK);
      expect(r).toMatchObject({ code: 'INVALID_INPUT', reason: 'FLAG_NOT_ALLOWED' });
    });

    it('corrects wrong details and publishes the corrected name', async () => {
      const id = await file({ kind: 'wrongDetails', voterId: f.voters[3]!.id, wrongFields: ['name'], details: '刘芳的名字应为刘芬' });
      const r = await t.ok<DecideReply>('committee', decide({ objectionId: id, reason: '核对户口簿，姓名应为刘芬', change: { kind: 'correctDetails', name: '刘芬' } }), CLERK);
      expect((await readDoc(t.app.store, 'voter', f.voters[3]!.id, voterDoc))?.name).toBe('刘芬');
      expect(r.notice.body).toContain('涉及人员：刘芬（第一村民小组）');
    });

    it('moves the 不重登 claim when the ID number is corrected', async () => {
      const v = f.voters[3]!;
      const id = await file({ kind: 'wrongDetails', voterId: v.id, wrongFields: ['idNumber'], details: '刘芳的身份证号码登记错了' });
      await t.ok('committee', decide({ objectionId: id, reason: '核对身份证原件，号码登记有误', change: { kind: 'correctDetails', idNumber: NEW_ID } }), CLERK);
      const after = (await readDoc(t.app.store, 'voter', v.id, voterDoc))!;
      expect(after.birthDate).toBe('1975-03-15');
      expect(await readDoc(t.app.store, 'idIndex', after.idHash, idIndexDoc)).toMatchObject({ voterId: v.id });
      expect(await t.app.store.get('idIndex', v.doc.idHash)).toBeNull();
    });

    it('reinstates a flagged voter who objected about their own entry', async () => {
      const v = f.voters[3]!;
      await t.app.store.update('voter', v.id, { status: 'movedAway', statusReason: '外出' });
      await bindVoter(t, v, 'wx-moved');
      await subscribe(t, 'wx-moved');
      const id = (await t.ok<ObjectionReply>('registration', { action: 'fileObjection', kind: 'wrongDetails', voterId: v.id, wrongFields: ['status'], details: '我没有迁出，户口还在本村' }, 'wx-moved')).objection.id;
      const r = await t.ok<DecideReply>('committee', decide({ objectionId: id, reason: '经核实户口未迁出，恢复登记', change: { kind: 'reinstateVoter' } }), CLERK);
      expect(r.objection.decision?.change?.kind).toBe('reinstateVoter');
      expect((await readDoc(t.app.store, 'voter', v.id, voterDoc))?.status).toBe('registered');
      expect(notifierOf(t).deliveries().map((d) => d.message.openid)).toEqual(['wx-moved']);
    });

    it('rejects an upheld objection without its list change, and a change on a rejection', async () => {
      expect(await t.call('committee', decide({ change: undefined }), CLERK)).toMatchObject({ code: 'INVALID_INPUT', reason: 'CHANGE_REQUIRED' });
      expect(await t.call('committee', decide({ decision: 'rejected' }), CLERK)).toMatchObject({ code: 'INVALID_INPUT', reason: 'CHANGE_NOT_ALLOWED' });
      expect(await t.call('committee', decide({ change: { kind: 'removeVoter', status: 'deceased' } }), CLERK)).toMatchObject({ code: 'INVALID_INPUT', reason: 'CHANGE_NOT_ALLOWED' });
    });
  });

  describe('refusals and records', () => {
    it('rejects a reason shorter than 5 characters, in Chinese', async () => {
      expect(await t.call('committee', decide({ reason: '不行' }), CLERK)).toMatchObject({ code: 'INVALID_INPUT', message: '处理理由至少写5个字' });
    });

    it('rejects a caller who is not on this village committee', async () => {
      expect(await t.call('committee', decide(), OBJECTOR)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_COMMITTEE' });
    });

    it('rejects an objection of another election', async () => {
      expect(await t.call('committee', decide({ objectionId: 'o_nope' }), CLERK)).toMatchObject({ code: 'NOT_FOUND', reason: 'OBJECTION_UNKNOWN' });
    });

    it('records a refused push as a failed delivery; the decision stands', async () => {
      await subscribe(t, OBJECTOR);
      notifierOf(t).failNext({ ok: false, transient: false, errCode: 43101, errMsg: 'user refuse to accept the msg' });
      const r = await t.ok<DecideReply>('committee', decide({ decision: 'rejected', change: undefined, reason: '经核实，孙海户籍不在本村' }), CLERK);
      expect(r.delivery.status).toBe('failed');
      expect(await readDoc(t.app.store, 'delivery', r.delivery.id, deliveryDoc)).toMatchObject({ status: 'failed', lastError: { transient: false, errCode: 43101 } });
      expect((await t.app.store.get('objection', objectionId))?.status).toBe('rejected');
    });

    it('frees the objector’s open slot once decided', async () => {
      await t.ok('committee', decide({ decision: 'rejected', change: undefined, reason: '经核实，孙海户籍不在本村' }), CLERK);
      const again = await t.call<ObjectionReply>('registration', { action: 'fileObjection', kind: 'missingPerson', name: '孙海', group: '第二村民小组', details: '孙海确实住在本村，请再核实' }, OBJECTOR);
      expect(again).toMatchObject({ ok: true });
    });

    it('audits the decision and the list change in the election’s chain', async () => {
      await t.ok('committee', decide(), CLERK);
      await t.linkAudit();
      const actions = (await t.app.store.find('audit', { scope: f.electionId }, { limit: 1000 })).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['committee.decideObjection', 'committee.decideObjection.addVoter', 'notify.objectionResult']));
      expect(await verifyAuditChain(t.app.store, f.electionId)).toMatchObject({ ok: true });
    });
  });
});
