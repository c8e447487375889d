import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useActionCall } from '../hooks/use-action';
import { serverNow } from '../hooks/use-countdown';
import { useSession } from '../hooks/session-store';
import * as objectionCommittee from '../contracts/objection-committee.contract';
import type { InputOf, OutputOf } from '../services/contracts';
import { beijingDay } from '../services/format';
import { toast } from '../services/navigation';
import { FormError, TextAreaField } from './form-fields';
import { ChipsField } from './form-pickers';
import { AddPersonFields, CorrectFields, DECISIONS, DeclarationFields, MeetingFields, RemoveFields, type DecideDraft, type SetDraft } from './objection-decide-fields';

type Item = OutputOf<typeof objectionCommittee.listObjections>['objections'][number];
type DecideInput = InputOf<typeof objectionCommittee.decideObjection>;

function initialDraft(item: Item): DecideDraft {
  const entry = item.subject.entry;
  return {
    decision: 'upheld',
    reason: '',
    // missingPerson → 列入名单 (from the person's ID card); wrongPerson → 除名; wrongDetails → 更正.
    name: item.subject.name,
    group: item.subject.group,
    idNumber: '',
    category: entry?.category ?? 'A',
    flag: 'movedAway',
    // 补办登记: the person's entry is on the roll but not on the list (pending at publication, or flagged).
    register: item.kind === 'missingPerson' && !!entry && entry.status !== 'registered',
    channel: 'inPerson',
    declaredOn: '',
    meeting: 'representativeMeeting',
    meetingDate: '',
    minutesRef: '',
    residenceSince: '',
  };
}

function changeOf(item: Item, d: DecideDraft, needsDeclaration: boolean, recordCategory: string): DecideInput['change'] {
  const records = {
    ...(needsDeclaration ? { declaration: { channel: d.channel, declaredOn: d.declaredOn } } : {}),
    ...(recordCategory === 'C' ? { residence: { meeting: d.meeting, meetingDate: d.meetingDate, minutesRef: d.minutesRef, ...(d.residenceSince.trim() ? { residenceSince: d.residenceSince.trim() } : {}) } } : {}),
  };
  if (d.register) return { kind: 'registerVoter', ...records };
  if (item.kind === 'missingPerson') return { kind: 'addVoter', name: d.name, idNumber: d.idNumber, group: d.group, category: d.category, ...records };
  if (item.kind === 'wrongPerson') return { kind: 'removeVoter', status: d.flag };
  const c: { kind: 'correctDetails'; name?: string; group?: string; category?: 'A' | 'B' } = { kind: 'correctDetails' };
  if (d.name.trim() && d.name.trim() !== item.subject.name) c.name = d.name.trim();
  if (d.group.trim() && d.group.trim() !== item.subject.group) c.group = d.group.trim();
  if (item.wrongFields.includes('category') && d.category !== 'C') c.category = d.category;
  return c;
}

/** What 补办登记 does, and which record the person's category needs. */
function RegisterNote({ item, recordCategory }: { item: Item; recordCategory: string }) {
  return (
    <Text className='text small muted'>
      把{item.subject.name}现有的登记（{item.subject.entry?.statusLabel}）列入选民名单。{recordCategory === 'B' ? (item.byPerson ? '本人提出的这份申诉，就是本人表示参加选举。' : '外出村民须本人表示参加选举，请填写本人是怎样表示的。') : ''}
      {recordCategory === 'C' ? '户籍不在本村的，须经村民会议或村民代表会议同意，请填写会议记录。' : ''}
    </Text>
  );
}

/** Whether the objector was told by WeChat, or must be phoned. */
function toastDelivery(status: OutputOf<typeof objectionCommittee.decideObjection>['delivery']['status']) {
  if (status === 'noConsent') toast('已处理。申诉人没有订阅微信提醒，请电话告诉他结果');
  else toast(status === 'sent' ? '已处理并通知申诉人' : '已处理', 'success');
}

/** The written decision on one objection, with the record the change needs (dates picked). */
export default function ObjectionDecideForm({ electionId, item, onDone }: { electionId: string; item: Item; onDone: () => void }) {
  const call = useActionCall(objectionCommittee.decideObjection);
  const { clockOffsetMs } = useSession();
  const today = beijingDay(serverNow(clockOffsetMs));
  const [d, setDraft] = useState<DecideDraft>(() => initialDraft(item));
  const set: SetDraft = (k) => (v) => setDraft((x) => ({ ...x, [k]: v }));
  const fe = (f: string) => call.error?.fields?.[f] ?? call.error?.fields?.[`change.${f}`];
  const entry = item.subject.entry;
  const recordCategory = d.register ? (entry?.category ?? 'A') : d.category;
  // A migrant's own objection is their declaration (本人表示参加选举); anyone else's is not.
  const needsDeclaration = recordCategory === 'B' && !item.byPerson;
  const upheld = d.decision === 'upheld';
  const adds = upheld && (d.register || item.kind === 'missingPerson');

  const submit = async () => {
    const input: DecideInput = { electionId, objectionId: item.id, decision: d.decision, reason: d.reason, ...(upheld ? { change: changeOf(item, d, needsDeclaration, recordCategory) } : {}) };
    const data = await call.run(input);
    if (data) {
      toastDelivery(data.delivery.status);
      onDone();
    }
  };

  const canRegister = upheld && entry && entry.status !== 'registered' && item.kind !== 'wrongPerson';
  return (
    <View className='decision' data-testid='decide-form'>
      <ChipsField id='decide' label='处理结果' options={DECISIONS} value={d.decision} onChange={set('decision')} />
      {canRegister ? (
        <ChipsField
          id='decide-how'
          label='怎样处理'
          options={item.kind === 'wrongDetails' ? [['register', '补办登记，列入名单'], ['correct', '更正登记信息']] : [['register', '补办登记，列入名单']]}
          value={d.register ? 'register' : 'correct'}
          onChange={(v) => set('register')(v === 'register')}
        />
      ) : null}
      {upheld && d.register ? <RegisterNote item={item} recordCategory={recordCategory} /> : null}
      {upheld && item.kind === 'missingPerson' && !d.register ? <AddPersonFields d={d} set={set} fe={fe} byPerson={item.byPerson} /> : null}
      {adds && needsDeclaration ? <DeclarationFields d={d} set={set} fe={fe} today={today} /> : null}
      {adds && recordCategory === 'C' ? <MeetingFields d={d} set={set} fe={fe} today={today} registered={d.register} /> : null}
      {upheld && item.kind === 'wrongPerson' ? <RemoveFields d={d} set={set} /> : null}
      {upheld && item.kind === 'wrongDetails' && !d.register ? <CorrectFields d={d} set={set} fe={fe} categoryWrong={item.wrongFields.includes('category')} /> : null}
      <TextAreaField id='decide-reason' label='书面理由（会公布并通知申诉人）' value={d.reason} onChange={set('reason')} error={fe('reason')} placeholder='至少写5个字，写明核实的情况和依据' maxlength={500} />
      <FormError error={call.error} testId='decide-error' />
      <Button className={'btn' + (call.pending ? ' disabled' : '')} id='decide-submit' disabled={call.pending || undefined} onClick={() => void submit()}>
        {call.pending ? '正在提交…' : '提交处理结果'}
      </Button>
    </View>
  );
}
