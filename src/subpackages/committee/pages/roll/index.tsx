import { useMemo, useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { useActionCall, useActionData } from '../../../../hooks/use-action';
import { pageQuery } from '../../../../services/committee-nav';
import { roll, type InputOf, type OutputOf } from '../../../../services/contracts';
import { toast } from '../../../../services/navigation';

type Entry = OutputOf<typeof roll.listVoters>['rows'][number];
type Category = 'A' | 'B' | 'C';
type Status = NonNullable<InputOf<typeof roll.listVoters>['status']>;
type FlagOp = 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';

const PAGE_SIZE = 20;
const CATEGORIES: Array<[Category | '', string]> = [
  ['', '全部类别'],
  ['A', 'A 户籍在本村'],
  ['B', 'B 外出'],
  ['C', 'C 外来'],
];
const STATUSES: Array<[Status | '', string]> = [
  ['', '全部状态'],
  ['registered', '已登记'],
  ['pending', '待表示/待审议'],
  ['deprived', '被剥夺政治权利'],
  ['deceased', '已去世'],
  ['movedAway', '已迁出'],
  ['unableToExercise', '无法行使选举权'],
];
const FLAGS: Array<[FlagOp, string]> = [
  ['deprived', '被剥夺政治权利'],
  ['deceased', '已去世'],
  ['movedAway', '已迁出'],
  ['unableToExercise', '无法行使选举权'],
];
const MEETINGS: Array<['villagerMeeting' | 'representativeMeeting', string]> = [
  ['villagerMeeting', '村民会议'],
  ['representativeMeeting', '村民代表会议'],
];

/** 选民名册: search by name / group / category / status, page by page; approvals and flags per entry. */
export default function RollPage() {
  return <CommitteeGate>{({ electionId }) => <Roll electionId={electionId} />}</CommitteeGate>;
}

function Roll({ electionId }: { electionId: string }) {
  const initial = useMemo(() => pageQuery(), []);
  const [nameDraft, setNameDraft] = useState('');
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [category, setCategory] = useState<Category | ''>((['A', 'B', 'C'].includes(initial.category ?? '') ? initial.category : '') as Category | '');
  const [status, setStatus] = useState<Status | ''>((STATUSES.some(([s]) => s && s === initial.status) ? initial.status : '') as Status | '');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);

  const input: InputOf<typeof roll.listVoters> = {
    electionId,
    page,
    pageSize: PAGE_SIZE,
    ...(name ? { name } : {}),
    ...(group ? { group } : {}),
    ...(category ? { category } : {}),
    ...(status ? { status } : {}),
  };
  const list = useActionData(roll.listVoters, input, JSON.stringify(input));
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const groups = data?.groups ?? [];
  const statusIndex = STATUSES.findIndex(([s]) => s === status);

  return (
    <View>
      <View className='card' data-testid='roll-filters'>
        <Text className='card-title'>查找选民</Text>
        <View className='field'>
          <Input className='input' placeholderClass='input-placeholder' id='roll-name' type='text' maxlength={20} value={nameDraft} placeholder='姓名（可以只填一部分）' onInput={(e) => setNameDraft(e.detail.value)} onConfirm={() => (setName(nameDraft.trim()), setPage(1))} />
          <Button className='btn' id='roll-search' onClick={() => (setName(nameDraft.trim()), setPage(1))}>
            查找
          </Button>
        </View>
        <View className='field'>
          <Text className='field-label'>村民小组</Text>
          <Picker mode='selector' range={['全部小组', ...groups]} value={group ? groups.indexOf(group) + 1 : 0} onChange={(e) => (setGroup(Number(e.detail.value) === 0 ? '' : (groups[Number(e.detail.value) - 1] ?? '')), setPage(1))}>
            <View className='input picker' id='roll-group'>
              <Text>{group || '全部小组'}</Text>
            </View>
          </Picker>
        </View>
        <View className='field'>
          <Text className='field-label'>类别</Text>
          <View className='chips'>
            {CATEGORIES.map(([c, label]) => (
              <View key={c || 'all'} className={'chip' + (category === c ? ' on' : '')} data-category={c || 'all'} onClick={() => (setCategory(c), setPage(1))}>
                {label}
              </View>
            ))}
          </View>
        </View>
        <View className='field'>
          <Text className='field-label'>状态</Text>
          <Picker mode='selector' range={STATUSES.map(([, l]) => l)} value={Math.max(0, statusIndex)} onChange={(e) => (setStatus(STATUSES[Number(e.detail.value)]?.[0] ?? ''), setPage(1))}>
            <View className='input picker' id='roll-status'>
              <Text>{STATUSES[Math.max(0, statusIndex)]?.[1]}</Text>
            </View>
          </Picker>
        </View>
      </View>

      <View className='card' data-testid='roll-list'>
        <Text className='card-title'>{data ? `共${data.total}人` : '选民名册'}</Text>
        {list.error ? <Text className='notice error'>{list.error.message}</Text> : null}
        {list.loading && !data ? <Text className='text muted'>正在加载…</Text> : null}
        {data && data.rows.length === 0 ? <Text className='text muted'>没有符合条件的人。</Text> : null}
        {(data?.rows ?? []).map((v) => (
          <View key={v.id} className='todo-item' data-voter={v.id}>
            <View onClick={() => setOpen(open === v.id ? null : v.id)}>
              <Text className='text strong'>
                {v.name} · {v.group}
              </Text>
              <Text className='text small'>
                {v.categoryLabel} · <Text className={'badge ' + (v.status === 'registered' ? 'ok' : v.status === 'pending' ? 'warn' : 'danger')}>{v.statusLabel}</Text>
              </Text>
              <Text className='text small muted'>
                {v.sex === 'M' ? '男' : '女'} · 选举日{v.ageOnElectionDay}岁 · {v.idMasked} · {v.bound ? '已绑定微信' : '未绑定'} · {v.confirmed ? '本人已核对' : '本人未核对'}
              </Text>
              {v.statusReason ? <Text className='text small'>理由：{v.statusReason}</Text> : null}
              {v.residence ? (
                <Text className='text small'>
                  {v.residence.meetingLabel}（{v.residence.meetingDate}，{v.residence.minutesRef}）：{v.residence.outcome === 'approved' ? '同意' : '不同意'}
                </Text>
              ) : null}
              {v.declaration ? <Text className='text small'>{v.declaration.channelLabel}（{v.declaration.on}）{v.declaration.livesIn ? `，现住${v.declaration.livesIn}` : ''}</Text> : null}
            </View>
            {open === v.id ? (
              <EntryActions
                electionId={electionId}
                voter={v}
                onDone={(updated) => {
                  list.setData((d) => (d ? { ...d, rows: d.rows.map((r) => (r.id === updated.id ? updated : r)) } : d));
                  setOpen(null);
                }}
              />
            ) : (
              <Button className='btn plain' data-action='open' onClick={() => setOpen(v.id)}>
                处理
              </Button>
            )}
          </View>
        ))}
        {data && pages > 1 ? (
          <View className='btn-row'>
            <Button className={'btn plain' + (page <= 1 ? ' disabled' : '')} id='roll-prev' disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button className={'btn plain' + (page >= pages ? ' disabled' : '')} id='roll-next' disabled={page >= pages} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </View>
        ) : null}
        {data ? (
          <Text className='text small muted center'>
            第{page}页，共{pages}页
          </Text>
        ) : null}
      </View>
    </View>
  );
}

type Mode = 'flag' | 'restore' | 'approve' | 'reject';

function EntryActions({ electionId, voter, onDone }: { electionId: string; voter: Entry; onDone: (v: Entry) => void }) {
  const call = useActionCall(roll.setVoterStatus);
  const pendingC = voter.category === 'C' && voter.status === 'pending' && !voter.residence;
  const flagged = ['deprived', 'deceased', 'movedAway', 'unableToExercise'].includes(voter.status);
  const modes: Array<[Mode, string]> = [
    ...(pendingC ? ([['approve', '会议同意登记'], ['reject', '会议不同意']] as Array<[Mode, string]>) : []),
    ...(flagged ? ([['restore', '恢复']] as Array<[Mode, string]>) : ([['flag', '标记']] as Array<[Mode, string]>)),
  ];
  const [mode, setMode] = useState<Mode>(modes[0]![0]);
  const [flag, setFlag] = useState<FlagOp>('deceased');
  const [reason, setReason] = useState('');
  const [meeting, setMeeting] = useState<'villagerMeeting' | 'representativeMeeting'>('representativeMeeting');
  const [meetingDate, setMeetingDate] = useState('');
  const [minutesRef, setMinutesRef] = useState('');
  const fe = (f: string) => call.error?.fields?.[f];

  const submit = async () => {
    const base = { electionId, voterId: voter.id };
    const input =
      mode === 'flag'
        ? { ...base, op: flag, reason }
        : mode === 'restore'
          ? { ...base, op: 'restore' as const, reason }
          : mode === 'approve'
            ? { ...base, op: 'approveResidence' as const, meeting, meetingDate, minutesRef }
            : { ...base, op: 'rejectResidence' as const, meeting, meetingDate, minutesRef, reason };
    const data = await call.run(input);
    if (data) {
      toast('已保存', 'success');
      onDone(data.voter);
    }
  };

  return (
    <View className='decision' data-testid='entry-actions'>
      <View className='chips'>
        {modes.map(([m, label]) => (
          <View key={m} className={'chip' + (mode === m ? ' on' : '')} data-mode={m} onClick={() => setMode(m)}>
            {label}
          </View>
        ))}
      </View>
      {mode === 'flag' ? (
        <View className='field'>
          <Text className='field-label'>标记为</Text>
          <View className='chips'>
            {FLAGS.map(([f, label]) => (
              <View key={f} className={'chip' + (flag === f ? ' on' : '')} data-flag={f} onClick={() => setFlag(f)}>
                {label}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {mode === 'approve' || mode === 'reject' ? (
        <View>
          <View className='field'>
            <Text className='field-label'>哪个会议决定的</Text>
            <View className='chips'>
              {MEETINGS.map(([m, label]) => (
                <View key={m} className={'chip' + (meeting === m ? ' on' : '')} onClick={() => setMeeting(m)}>
                  {label}
                </View>
              ))}
            </View>
          </View>
          <View className='field'>
            <Text className='field-label'>会议日期</Text>
            <Picker mode='date' value={meetingDate} onChange={(e) => setMeetingDate(String(e.detail.value))}>
              <View className={'input picker' + (fe('meetingDate') ? ' invalid' : '')}>
                <Text className={meetingDate ? '' : 'input-placeholder'}>{meetingDate || '点这里选择日期'}</Text>
              </View>
            </Picker>
            {fe('meetingDate') ? <Text className='field-error'>{fe('meetingDate')}</Text> : null}
          </View>
          <View className='field'>
            <Text className='field-label'>会议记录编号</Text>
            <Input className={'input' + (fe('minutesRef') ? ' invalid' : '')} placeholderClass='input-placeholder' type='text' maxlength={60} value={minutesRef} placeholder='例如 2026-村代会-03' onInput={(e) => setMinutesRef(e.detail.value)} />
            {fe('minutesRef') ? <Text className='field-error'>{fe('minutesRef')}</Text> : null}
          </View>
        </View>
      ) : null}
      {mode !== 'approve' ? (
        <View className='field'>
          <Text className='field-label'>理由（会记入工作记录）</Text>
          <Textarea className={'textarea' + (fe('reason') ? ' invalid' : '')} placeholderClass='input-placeholder' maxlength={200} value={reason} placeholder='写明依据，例如死亡证明、迁出证明' onInput={(e) => setReason(e.detail.value)} />
          {fe('reason') ? <Text className='field-error'>{fe('reason')}</Text> : null}
        </View>
      ) : null}
      {call.error && !(call.error.fields && Object.keys(call.error.fields).length) ? <Text className='notice error'>{call.error.message}</Text> : null}
      <Button className={'btn' + (call.pending ? ' disabled' : '')} disabled={call.pending} data-action='save' onClick={() => void submit()}>
        {call.pending ? '正在保存…' : '保存'}
      </Button>
    </View>
  );
}
