import { useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { useActionCall, useActionData } from '../../../../hooks/use-action';
import { objectionCommittee, type InputOf, type OutputOf } from '../../../../services/contracts';
import { civilDate, dateTime } from '../../../../services/format';
import { toast } from '../../../../services/navigation';

type Item = OutputOf<typeof objectionCommittee.listObjections>['objections'][number];
type Filter = NonNullable<InputOf<typeof objectionCommittee.listObjections>['status']> | '';
type DecideInput = InputOf<typeof objectionCommittee.decideObjection>;
type FlagOp = 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';

const FIELD_LABELS: Record<string, string> = { name: '姓名', group: '村民小组', idNumber: '身份证号码', category: '登记类别', status: '登记状态', other: '其他' };
const FILTERS: Array<[Filter, string]> = [
  ['open', '待处理'],
  ['overdue', '超期'],
  ['decided', '已处理'],
  ['', '全部'],
];
const FLAGS: Array<[FlagOp, string]> = [
  ['deprived', '被剥夺政治权利'],
  ['deceased', '已去世'],
  ['movedAway', '已迁出'],
  ['unableToExercise', '无法行使选举权'],
];

/** 申诉处理: the queue with each statutory clock; decide in writing. */
export default function ObjectionsPage() {
  return <CommitteeGate>{({ electionId }) => <Queue electionId={electionId} />}</CommitteeGate>;
}

function Queue({ electionId }: { electionId: string }) {
  const [filter, setFilter] = useState<Filter>('open');
  const input = { electionId, ...(filter ? { status: filter } : {}) };
  const list = useActionData(objectionCommittee.listObjections, input, JSON.stringify(input));
  const [open, setOpen] = useState<string | null>(null);
  const f = list.data?.figures;
  return (
    <View>
      <View className='card' data-testid='objection-figures'>
        <Text className='card-title'>申诉处理</Text>
        <Text className='text small muted'>选举委员会要在法定期限内书面答复每一件申诉；超期的会一直显示给乡镇。</Text>
        {f ? (
          <View className='figures'>
            <View className='figure'>
              <Text className='figure-num'>{f.open}</Text>
              <Text className='figure-label'>待处理</Text>
            </View>
            <View className='figure'>
              <Text className='figure-num'>{f.decided}</Text>
              <Text className='figure-label'>已处理</Text>
            </View>
            <View className='figure'>
              <Text className='figure-num'>{f.overdue}</Text>
              <Text className='figure-label'>超期</Text>
            </View>
          </View>
        ) : null}
        <View className='chips' style={{ marginTop: '12px' }}>
          {FILTERS.map(([k, label]) => (
            <View key={k || 'all'} className={'chip' + (filter === k ? ' on' : '')} data-filter={k || 'all'} onClick={() => setFilter(k)}>
              {label}
            </View>
          ))}
        </View>
      </View>
      {list.error ? <Text className='notice error'>{list.error.message}</Text> : null}
      {list.data && list.data.objections.length === 0 ? (
        <View className='card'>
          <Text className='text muted'>没有这类申诉。</Text>
        </View>
      ) : null}
      {(list.data?.objections ?? []).map((o) => (
        <View className='card' key={o.id} data-objection={o.id} data-status={o.status}>
          <Text className='card-title'>
            第{o.no}号 · {o.kindLabel}
          </Text>
          <Text className={'badge ' + (o.clock.overdue ? 'danger' : o.status !== 'open' ? 'ok' : o.clock.daysLeft <= 1 ? 'warn' : 'plain')} data-testid='clock'>
            {o.clock.label}
          </Text>
          <View className='rows'>
            <Row k='涉及' v={`${o.subject.name}（${o.subject.group}）`} />
            {o.subject.idMasked ? <Row k='身份证号码' v={o.subject.idMasked} /> : null}
            <Row k='提出人' v={`${o.objector.name}（${o.objector.group}）`} />
            {o.subject.entry ? <Row k='现在的登记' v={`${o.subject.entry.statusLabel} · ${o.subject.entry.category}类`} /> : null}
            <Row k='收到' v={dateTime(o.filedAt)} />
            <Row k='最迟答复' v={civilDate(o.decisionLastDay)} />
          </View>
          {o.byPerson ? (
            <Text className='text small' data-testid='by-person'>
              {o.objector.selfIdentified ? '申诉人就是本人，还不在本村选民登记里。' : '申诉人就是本人。'}
            </Text>
          ) : null}
          {o.wrongFields.length ? <Text className='text small'>有误的项：{o.wrongFields.map((w) => FIELD_LABELS[w] ?? w).join('、')}</Text> : null}
          <Text className='text'>理由：{o.details}</Text>
          {o.decision ? (
            <View className='decision'>
              <Text className='text strong'>处理结果：{o.decision.outcomeLabel}</Text>
              <Text className='text'>理由：{o.decision.reason}</Text>
              {o.decision.change ? <Text className='text small'>名单更正：{o.decision.change.label}</Text> : null}
              <Text className='text small muted'>
                {dateTime(o.decision.decidedAt)}
                {o.decision.late ? '（超期处理）' : ''}
              </Text>
            </View>
          ) : open === o.id ? (
            <DecideForm
              electionId={electionId}
              item={o}
              onDone={() => {
                setOpen(null);
                void list.reload();
              }}
            />
          ) : (
            <Button className='btn' data-action='decide' onClick={() => setOpen(o.id)}>
              处理这件申诉
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <View className='row'>
      <Text className='row-key'>{k}</Text>
      <Text className='row-value'>{v}</Text>
    </View>
  );
}

function DecideForm({ electionId, item, onDone }: { electionId: string; item: Item; onDone: () => void }) {
  const call = useActionCall(objectionCommittee.decideObjection);
  const [decision, setDecision] = useState<'upheld' | 'rejected'>('upheld');
  const [reason, setReason] = useState('');
  // missingPerson → 列入名单 (from the person's ID card); wrongPerson → 除名; wrongDetails → 更正.
  const [name, setName] = useState(item.subject.name);
  const [group, setGroup] = useState(item.subject.group);
  const [idNumber, setIdNumber] = useState('');
  const [category, setCategory] = useState<'A' | 'B' | 'C'>(item.subject.entry?.category ?? 'A');
  const [flag, setFlag] = useState<FlagOp>('movedAway');
  // 补办登记: the person's entry is on the roll but not on the list (pending at publication, or flagged).
  const entry = item.subject.entry;
  const [register, setRegister] = useState(item.kind === 'missingPerson' && !!entry && entry.status !== 'registered');
  const [channel, setChannel] = useState<'inPerson' | 'phone'>('inPerson');
  const [declaredOn, setDeclaredOn] = useState('');
  const [meeting, setMeeting] = useState<'villagerMeeting' | 'representativeMeeting'>('representativeMeeting');
  const [meetingDate, setMeetingDate] = useState('');
  const [minutesRef, setMinutesRef] = useState('');
  const [residenceSince, setResidenceSince] = useState('');
  const fe = (f: string) => call.error?.fields?.[f] ?? call.error?.fields?.[`change.${f}`];
  const recordCategory = register ? (entry?.category ?? 'A') : category;
  // A migrant's own objection is their declaration (本人表示参加选举); anyone else's is not.
  const needsDeclaration = recordCategory === 'B' && !item.byPerson;
  const records = () => ({
    ...(needsDeclaration ? { declaration: { channel, declaredOn } } : {}),
    ...(recordCategory === 'C' ? { residence: { meeting, meetingDate, minutesRef, ...(residenceSince.trim() ? { residenceSince: residenceSince.trim() } : {}) } } : {}),
  });

  const change = (): DecideInput['change'] => {
    if (register) return { kind: 'registerVoter', ...records() };
    if (item.kind === 'missingPerson') return { kind: 'addVoter', name, idNumber, group, category, ...records() };
    if (item.kind === 'wrongPerson') return { kind: 'removeVoter', status: flag };
    const c: { kind: 'correctDetails'; name?: string; group?: string; category?: 'A' | 'B' } = { kind: 'correctDetails' };
    if (name.trim() && name.trim() !== item.subject.name) c.name = name.trim();
    if (group.trim() && group.trim() !== item.subject.group) c.group = group.trim();
    if (item.wrongFields.includes('category') && category !== 'C') c.category = category;
    return c;
  };

  const submit = async () => {
    const input: DecideInput = { electionId, objectionId: item.id, decision, reason, ...(decision === 'upheld' ? { change: change() } : {}) };
    const data = await call.run(input);
    if (data) {
      if (data.delivery.status === 'noConsent') toast('已处理。申诉人没有订阅微信提醒，请电话告诉他结果');
      else toast(data.delivery.status === 'sent' ? '已处理并通知申诉人' : '已处理', 'success');
      onDone();
    }
  };

  return (
    <View className='decision' data-testid='decide-form'>
      <Text className='field-label'>处理结果</Text>
      <View className='chips'>
        <View className={'chip' + (decision === 'upheld' ? ' on' : '')} id='decide-upheld' onClick={() => setDecision('upheld')}>
          申诉成立
        </View>
        <View className={'chip' + (decision === 'rejected' ? ' on' : '')} id='decide-rejected' onClick={() => setDecision('rejected')}>
          申诉不成立
        </View>
      </View>
      {decision === 'upheld' && entry && entry.status !== 'registered' && item.kind !== 'wrongPerson' ? (
        <View className='chips'>
          <View className={'chip' + (register ? ' on' : '')} id='decide-register' onClick={() => setRegister(true)}>
            补办登记，列入名单
          </View>
          {item.kind === 'wrongDetails' ? (
            <View className={'chip' + (!register ? ' on' : '')} id='decide-correct' onClick={() => setRegister(false)}>
              更正登记信息
            </View>
          ) : null}
        </View>
      ) : null}
      {decision === 'upheld' && register ? (
        <Text className='text small muted'>
          把{item.subject.name}现有的登记（{entry?.statusLabel}）列入选民名单。{recordCategory === 'B' ? (item.byPerson ? '本人提出的这份申诉，就是本人表示参加选举。' : '外出村民须本人表示参加选举，请填写本人是怎样表示的。') : ''}
          {recordCategory === 'C' ? '户籍不在本村的，须经村民会议或村民代表会议同意，请填写会议记录。' : ''}
        </Text>
      ) : null}
      {decision === 'upheld' && item.kind === 'missingPerson' && !register ? (
        <View>
          <Text className='text small muted'>把这个人列入选民名单：请对照本人身份证填写。</Text>
          <View className='field'>
            <Text className='field-label'>姓名</Text>
            <Input className={'input' + (fe('name') ? ' invalid' : '')} id='decide-name' type='text' maxlength={20} value={name} onInput={(e) => setName(e.detail.value)} />
            {fe('name') ? <Text className='field-error'>{fe('name')}</Text> : null}
          </View>
          <View className='field'>
            <Text className='field-label'>身份证号码</Text>
            <Input className={'input' + (fe('idNumber') ? ' invalid' : '')} placeholderClass='input-placeholder' id='decide-id-number' type='text' maxlength={18} value={idNumber} placeholder='18位，最后一位可能是X' onInput={(e) => setIdNumber(e.detail.value)} />
            {fe('idNumber') ? <Text className='field-error'>{fe('idNumber')}</Text> : null}
          </View>
          <View className='field'>
            <Text className='field-label'>村民小组</Text>
            <Input className={'input' + (fe('group') ? ' invalid' : '')} id='decide-group' type='text' maxlength={20} value={group} onInput={(e) => setGroup(e.detail.value)} />
            {fe('group') ? <Text className='field-error'>{fe('group')}</Text> : null}
          </View>
          <View className='chips'>
            <View className={'chip' + (category === 'A' ? ' on' : '')} onClick={() => setCategory('A')}>
              A 户籍在本村、住在本村
            </View>
            <View className={'chip' + (category === 'B' ? ' on' : '')} id='decide-category-B' onClick={() => setCategory('B')}>
              B 户籍在本村、住在外地
            </View>
            <View className={'chip' + (category === 'C' ? ' on' : '')} id='decide-category-C' onClick={() => setCategory('C')}>
              C 户籍不在本村、住在本村
            </View>
          </View>
          {category === 'B' && item.byPerson ? <Text className='text small muted'>本人提出的这份申诉，就是本人表示参加选举。</Text> : null}
        </View>
      ) : null}
      {decision === 'upheld' && (register || item.kind === 'missingPerson') && needsDeclaration ? (
        <View className='field' data-testid='decide-declaration'>
          <Text className='field-label'>本人是怎样表示参加选举的</Text>
          <View className='chips'>
            <View className={'chip' + (channel === 'inPerson' ? ' on' : '')} id='decide-channel-inPerson' onClick={() => setChannel('inPerson')}>
              当面
            </View>
            <View className={'chip' + (channel === 'phone' ? ' on' : '')} id='decide-channel-phone' onClick={() => setChannel('phone')}>
              电话
            </View>
          </View>
          <Text className='field-label'>哪一天</Text>
          <Input className={'input' + (fe('declaration.declaredOn') ? ' invalid' : '')} placeholderClass='input-placeholder' id='decide-declared-on' type='text' maxlength={10} value={declaredOn} placeholder='例如 2026-03-01' onInput={(e) => setDeclaredOn(e.detail.value)} />
          {fe('declaration.declaredOn') ? <Text className='field-error'>{fe('declaration.declaredOn')}</Text> : null}
        </View>
      ) : null}
      {decision === 'upheld' && (register || item.kind === 'missingPerson') && recordCategory === 'C' ? (
        <View className='field' data-testid='decide-meeting'>
          <Text className='field-label'>哪个会议同意的</Text>
          <View className='chips'>
            <View className={'chip' + (meeting === 'villagerMeeting' ? ' on' : '')} id='decide-meeting-villager' onClick={() => setMeeting('villagerMeeting')}>
              村民会议
            </View>
            <View className={'chip' + (meeting === 'representativeMeeting' ? ' on' : '')} id='decide-meeting-representative' onClick={() => setMeeting('representativeMeeting')}>
              村民代表会议
            </View>
          </View>
          <Text className='field-label'>开会日期</Text>
          <Input className={'input' + (fe('residence.meetingDate') ? ' invalid' : '')} placeholderClass='input-placeholder' id='decide-meeting-date' type='text' maxlength={10} value={meetingDate} placeholder='例如 2026-03-01' onInput={(e) => setMeetingDate(e.detail.value)} />
          {fe('residence.meetingDate') ? <Text className='field-error'>{fe('residence.meetingDate')}</Text> : null}
          <Text className='field-label'>会议记录编号</Text>
          <Input className={'input' + (fe('residence.minutesRef') ? ' invalid' : '')} placeholderClass='input-placeholder' id='decide-minutes-ref' type='text' maxlength={60} value={minutesRef} onInput={(e) => setMinutesRef(e.detail.value)} />
          {fe('residence.minutesRef') ? <Text className='field-error'>{fe('residence.minutesRef')}</Text> : null}
          <Text className='field-label'>从哪天开始住在本村{register ? '（登记里已有的可以不填）' : ''}</Text>
          <Input className={'input' + (fe('residence.residenceSince') ? ' invalid' : '')} placeholderClass='input-placeholder' id='decide-residence-since' type='text' maxlength={10} value={residenceSince} placeholder='例如 2020-05-01' onInput={(e) => setResidenceSince(e.detail.value)} />
          {fe('residence.residenceSince') ? <Text className='field-error'>{fe('residence.residenceSince')}</Text> : null}
        </View>
      ) : null}
      {decision === 'upheld' && item.kind === 'wrongPerson' ? (
        <View className='field'>
          <Text className='field-label'>从名单上除名的原因</Text>
          <View className='chips'>
            {FLAGS.map(([f, label]) => (
              <View key={f} className={'chip' + (flag === f ? ' on' : '')} onClick={() => setFlag(f)}>
                {label}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {decision === 'upheld' && item.kind === 'wrongDetails' && !register ? (
        <View>
          <Text className='text small muted'>改正有误的项（没改的不用动）。</Text>
          <View className='field'>
            <Text className='field-label'>姓名</Text>
            <Input className='input' type='text' maxlength={20} value={name} onInput={(e) => setName(e.detail.value)} />
          </View>
          <View className='field'>
            <Text className='field-label'>村民小组</Text>
            <Input className='input' type='text' maxlength={20} value={group} onInput={(e) => setGroup(e.detail.value)} />
          </View>
          {item.wrongFields.includes('category') ? (
            <View className='chips'>
              <View className={'chip' + (category === 'A' ? ' on' : '')} onClick={() => setCategory('A')}>
                A 住在本村
              </View>
              <View className={'chip' + (category === 'B' ? ' on' : '')} onClick={() => setCategory('B')}>
                B 住在外地
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
      <View className='field'>
        <Text className='field-label'>书面理由（会公布并通知申诉人）</Text>
        <Textarea className={'textarea' + (fe('reason') ? ' invalid' : '')} placeholderClass='input-placeholder' id='decide-reason' maxlength={500} value={reason} placeholder='至少写5个字，写明核实的情况和依据' onInput={(e) => setReason(e.detail.value)} />
        {fe('reason') ? <Text className='field-error'>{fe('reason')}</Text> : null}
      </View>
      {call.error && !(call.error.fields && Object.keys(call.error.fields).length) ? (
        <Text className='notice error' data-testid='decide-error'>
          {call.error.message}
        </Text>
      ) : null}
      <Button className={'btn' + (call.pending ? ' disabled' : '')} id='decide-submit' disabled={call.pending || undefined} onClick={() => void submit()}>
        {call.pending ? '正在提交…' : '提交处理结果'}
      </Button>
    </View>
  );
}
