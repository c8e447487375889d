import { useMemo, useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import NoticeSlip from '../../../../components/notice-slip';
import PrintButton from '../../../../components/print-button';
import UnlockBindingButton from '../../components/unlock-binding-button';
import { isFlagAllowed } from '../../../../domain/registration';
import { resolveRuleSet } from '../../../../domain/presets/registry';
import { useActionCall, useActionData } from '../../../../hooks/use-action';
import { serverNow } from '../../../../hooks/use-countdown';
import type { ElectionView } from '../../../../hooks/session-store';
import { pageQuery } from '../../../../services/committee-nav';
import { roll, type InputOf, type OutputOf } from '../../../../services/contracts';
import { beijingDay, civilDate } from '../../../../services/format';
import { confirmDialog, toast } from '../../../../services/navigation';

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
const CHANNELS: Array<['inPerson' | 'phone', string]> = [
  ['inPerson', '本人当面表示'],
  ['phone', '本人打电话表示'],
];

/**
 * The flags the election's rule set lets the committee use (无法行使选举权 is provincial): the
 * same domain check the server makes. No rule set for the election: only the statutory three.
 */
function allowedFlags(election: ElectionView): Array<[FlagOp, string]> {
  const rules = resolveRuleSet(election.presetId, election.kind, election.electionDay);
  return FLAGS.filter(([f]) => (rules.ok ? isFlagAllowed(f, rules.value) : f !== 'unableToExercise'));
}

/**
 * 选民名册: search by name / group / category / status, page by page; per entry: category C
 * decisions, a category B declaration made in person or by phone, flags, a new binding code,
 * and releasing the registration (人户分离).
 */
export default function RollPage() {
  return (
    <CommitteeGate>
      {({ electionId, election, village, clockOffsetMs }) => <Roll electionId={electionId} election={election!} villageName={village?.villageName ?? ''} clockOffsetMs={clockOffsetMs} />}
    </CommitteeGate>
  );
}

type Reissued = { voter: Entry; code: string };

function Roll({ electionId, election, villageName, clockOffsetMs }: { electionId: string; election: ElectionView; villageName: string; clockOffsetMs: number }) {
  const flags = useMemo(() => allowedFlags(election), [election]);
  // Published lists change only through objections: the server refuses, the page does not offer.
  const listPublished = !!election.calendar.find((e) => e.key === 'voterListPublication')?.doneOn;
  const [reissued, setReissued] = useState<Reissued | null>(null);
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
  const statuses = STATUSES.filter(([s]) => s !== 'unableToExercise' || flags.some(([f]) => f === s));
  const statusIndex = statuses.findIndex(([s]) => s === status);

  if (reissued) return <ReissuedSheet reissued={reissued} title={election.title} villageName={villageName} listPublished={listPublished} onBack={() => setReissued(null)} />;

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
          <Picker mode='selector' range={statuses.map(([, l]) => l)} value={Math.max(0, statusIndex)} onChange={(e) => (setStatus(statuses[Number(e.detail.value)]?.[0] ?? ''), setPage(1))}>
            <View className='input picker' id='roll-status'>
              <Text>{statuses[Math.max(0, statusIndex)]?.[1]}</Text>
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
          <View key={v.id} className='todo-item' id={`voter-${v.id}`} data-voter={v.id}>
            <View onClick={() => setOpen(open === v.id ? null : v.id)}>
              <Text className='text strong'>
                {v.name} · {v.group}
              </Text>
              <Text className='text small'>
                {v.categoryLabel} · <Text className={'badge ' + (v.status === 'registered' ? 'ok' : v.status === 'pending' ? 'warn' : 'danger')}>{v.statusLabel}</Text>
              </Text>
              <Text className='text small muted'>
                {v.sex === 'M' ? '男' : '女'} · {v.birthDate}出生 · 选举日{v.ageOnElectionDay}岁 · {v.bound ? '已绑定微信' : '未绑定'}{v.locked ? ' · 绑定已锁定' : ''} · {v.confirmed ? '本人已核对' : '本人未核对'}
              </Text>
              {v.statusReason ? <Text className='text small'>理由：{v.statusReason}</Text> : null}
              {v.residence ? (
                <Text className='text small'>
                  {v.residence.meetingLabel}（{v.residence.meetingDate}，{v.residence.minutesRef}）：{v.residence.outcome === 'approved' ? '同意' : '不同意'}
                </Text>
              ) : null}
              {v.declaration ? <Text className='text small'>{v.declaration.channelLabel}（{v.declaration.on}）{v.declaration.livesIn ? `，现住${v.declaration.livesIn}` : ''}</Text> : null}
            </View>
            {v.locked ? <UnlockBindingButton electionId={electionId} voterId={v.id} name={v.name} onUnlocked={() => list.setData((d) => (d ? { ...d, rows: d.rows.map((r) => (r.id === v.id ? { ...r, locked: false } : r)) } : d))} /> : null}
            {open === v.id ? (
              <EntryActions
                electionId={electionId}
                voter={v}
                flags={flags}
                listPublished={listPublished}
                today={beijingDay(serverNow(clockOffsetMs))}
                onDone={(updated, code) => {
                  list.setData((d) => (d ? { ...d, rows: d.rows.map((r) => (r.id === updated.id ? updated : r)) } : d));
                  setOpen(null);
                  if (code) setReissued({ voter: updated, code });
                }}
              />
            ) : (
              <Button className='btn plain' id={`open-${v.id}`} data-action='open' onClick={() => setOpen(v.id)}>
                处理
              </Button>
            )}
          </View>
        ))}
        {data && pages > 1 ? (
          <View className='btn-row'>
            <Button className={'btn plain' + (page <= 1 ? ' disabled' : '')} id='roll-prev' disabled={(page <= 1) || undefined} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button className={'btn plain' + (page >= pages ? ' disabled' : '')} id='roll-next' disabled={(page >= pages) || undefined} onClick={() => setPage(page + 1)}>
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

type Mode = 'approve' | 'reject' | 'declare' | 'flag' | 'restore' | 'reissue' | 'release';
type Meeting = 'villagerMeeting' | 'representativeMeeting';
type Channel = 'inPerson' | 'phone';

const FLAG_STATUSES: readonly string[] = ['deprived', 'deceased', 'movedAway', 'unableToExercise'];

/** Which operations the entry offers; the server re-checks each one and explains a refusal. */
function modesFor(voter: Entry, listPublished: boolean): Array<[Mode, string]> {
  const flagged = FLAG_STATUSES.includes(voter.status);
  const modes: Array<[Mode, string]> = [];
  if (!listPublished) {
    if (voter.category === 'C' && voter.status === 'pending' && !voter.residence) modes.push(['approve', '会议同意登记'], ['reject', '会议不同意']);
    if (voter.category === 'B' && voter.status === 'pending' && !voter.declaration) modes.push(['declare', '记录本人表示参加']);
    modes.push(flagged ? ['restore', '恢复'] : ['flag', '标记']);
  }
  modes.push(['reissue', '重新生成绑定码']);
  // Whether this entry holds the deployment-wide registration is the server's to say (NOT_HELD).
  if (!listPublished) modes.push(['release', '释放登记（人户分离）']);
  return modes;
}

function EntryActions({
  electionId,
  voter,
  flags,
  listPublished,
  today,
  onDone,
}: {
  electionId: string;
  voter: Entry;
  flags: Array<[FlagOp, string]>;
  listPublished: boolean;
  today: string;
  onDone: (v: Entry, bindingCode?: string) => void;
}) {
  const call = useActionCall(roll.setVoterStatus);
  const modes = modesFor(voter, listPublished);
  const [mode, setMode] = useState<Mode>(modes[0]![0]);
  const [flag, setFlag] = useState<FlagOp>('deceased');
  const [reason, setReason] = useState('');
  const [meeting, setMeeting] = useState<Meeting>('representativeMeeting');
  const [meetingDate, setMeetingDate] = useState('');
  const [minutesRef, setMinutesRef] = useState('');
  const [channel, setChannel] = useState<Channel>('inPerson');
  const [declaredOn, setDeclaredOn] = useState(today);
  const fe = (f: string) => call.error?.fields?.[f];
  const flagged = FLAG_STATUSES.includes(voter.status);

  const inputFor = (): InputOf<typeof roll.setVoterStatus> => {
    const base = { electionId, voterId: voter.id };
    switch (mode) {
      case 'flag':
        return { ...base, op: flag, reason };
      case 'restore':
        return { ...base, op: 'restore', reason };
      case 'approve':
        return { ...base, op: 'approveResidence', meeting, meetingDate, minutesRef };
      case 'reject':
        return { ...base, op: 'rejectResidence', meeting, meetingDate, minutesRef, reason };
      case 'declare':
        return { ...base, op: 'recordDeclaration', channel, declaredOn };
      case 'reissue':
        return { ...base, op: 'reissueBindingCode' };
      case 'release':
        return { ...base, op: 'releaseRegistration', reason };
    }
  };

  const confirmText = (): [string, string, string] | null => {
    if (mode === 'release') {
      return [
        '释放登记',
        `释放后，${voter.name}在本村的选民登记作废${flagged ? '' : '（标为“已迁出”）'}，另一个村（社区）就可以给此人登记选民。这一步会记入工作记录。确定释放吗？`,
        '释放',
      ];
    }
    if (mode === 'reissue') {
      return [
        '重新生成绑定码',
        `${voter.name}原来的绑定码马上作废。新的绑定码只显示一次，请打印告知书或抄下来交给本人。${voter.bound ? '已经绑定的微信不受影响。' : ''}`,
        '生成',
      ];
    }
    return null;
  };

  const submit = async () => {
    const input = inputFor();
    const ask = confirmText();
    // Bad input is reported by run() without calling the server; ask only about a complete request.
    if (ask && roll.setVoterStatus.input.safeParse(input).success && !(await confirmDialog(...ask))) return;
    const data = await call.run(input);
    if (data) {
      toast(mode === 'release' ? '登记已释放' : mode === 'reissue' ? '已生成新绑定码' : '已保存', 'success');
      onDone(data.voter, data.bindingCode);
    }
  };

  const needsReason = mode === 'flag' || mode === 'restore' || mode === 'reject' || mode === 'release';
  return (
    <View className='decision' data-testid='entry-actions'>
      <View className='chips'>
        {modes.map(([m, label]) => (
          <View key={m} className={'chip' + (mode === m ? ' on' : '')} id={`mode-${m}`} data-mode={m} onClick={() => (setMode(m), call.clearError())}>
            {label}
          </View>
        ))}
      </View>
      {listPublished ? <Text className='text small muted'>选民名单已经公布，名单上的改动要通过申诉处理。</Text> : null}
      {mode === 'flag' ? (
        <View className='field'>
          <Text className='field-label'>标记为</Text>
          <View className='chips'>
            {flags.map(([f, label]) => (
              <View key={f} className={'chip' + (flag === f ? ' on' : '')} id={`flag-${f}`} data-flag={f} onClick={() => setFlag(f)}>
                {label}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {mode === 'declare' ? (
        <View data-testid='declare-in-person'>
          <Text className='text small'>户籍在本村、外出居住的，本人当面或打电话向选举委员会表示参加选举，也算登记。别人不能代替表示。</Text>
          <View className='field'>
            <Text className='field-label'>怎么表示的</Text>
            <View className='chips'>
              {CHANNELS.map(([c, label]) => (
                <View key={c} className={'chip' + (channel === c ? ' on' : '')} id={`channel-${c}`} data-channel={c} onClick={() => setChannel(c)}>
                  {label}
                </View>
              ))}
            </View>
          </View>
          <View className='field'>
            <Text className='field-label'>哪天表示的</Text>
            <Picker mode='date' value={declaredOn} end={today} onChange={(e) => setDeclaredOn(String(e.detail.value))}>
              <View className={'input picker' + (fe('declaredOn') ? ' invalid' : '')} id='declared-on'>
                <Text>{civilDate(declaredOn, true)}</Text>
              </View>
            </Picker>
            {fe('declaredOn') ? <Text className='field-error'>{fe('declaredOn')}</Text> : null}
          </View>
        </View>
      ) : null}
      {mode === 'approve' || mode === 'reject' ? (
        <View>
          <View className='field'>
            <Text className='field-label'>哪个会议决定的</Text>
            <View className='chips'>
              {MEETINGS.map(([m, label]) => (
                <View key={m} className={'chip' + (meeting === m ? ' on' : '')} id={`meeting-${m}`} onClick={() => setMeeting(m)}>
                  {label}
                </View>
              ))}
            </View>
          </View>
          <View className='field'>
            <Text className='field-label'>会议日期</Text>
            <Picker mode='date' value={meetingDate} end={today} onChange={(e) => setMeetingDate(String(e.detail.value))}>
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
      {mode === 'reissue' ? (
        <Text className='text small' data-testid='reissue-hint'>
          告知书丢了、绑定码忘了，可以重新生成。旧的绑定码马上作废，新的只显示一次，可以打印成告知书。
        </Text>
      ) : null}
      {mode === 'release' ? (
        <Text className='text small' data-testid='release-hint'>
          一个人在全乡镇只能在一个村（社区）登记。户籍在本村、人住在别村（人户分离），要在居住地登记的，先在这里释放本村的登记；释放后本村名单上此人标为“已迁出”。
        </Text>
      ) : null}
      {needsReason ? (
        <View className='field'>
          <Text className='field-label'>理由（会记入工作记录）</Text>
          <Textarea
            className={'textarea' + (fe('reason') ? ' invalid' : '')}
            placeholderClass='input-placeholder'
            id='entry-reason'
            maxlength={200}
            value={reason}
            placeholder={mode === 'release' ? '例如 本人长期住在松林村，要求在松林村登记' : '写明依据，例如死亡证明、迁出证明'}
            onInput={(e) => setReason(e.detail.value)}
          />
          {fe('reason') ? <Text className='field-error'>{fe('reason')}</Text> : null}
        </View>
      ) : null}
      {call.error && !(call.error.fields && Object.keys(call.error.fields).length) ? (
        <Text className='notice error' id='entry-error' data-testid='entry-error'>
          {call.error.message}
        </Text>
      ) : null}
      <Button className={'btn' + (call.pending ? ' disabled' : '')} disabled={call.pending || undefined} data-action='save' id='entry-save' onClick={() => void submit()}>
        {call.pending ? '正在保存…' : mode === 'reissue' ? '生成新的绑定码' : mode === 'release' ? '释放登记' : '保存'}
      </Button>
    </View>
  );
}

/** The reissued binding code, shown once, as a printable 选民登记告知书 slip. */
function ReissuedSheet({ reissued, title, villageName, listPublished, onBack }: { reissued: Reissued; title: string; villageName: string; listPublished: boolean; onBack: () => void }) {
  const { voter, code } = reissued;
  return (
    <View id='reissued' data-testid='reissued'>
      <View className='card no-print'>
        <Text className='card-title'>新的绑定码</Text>
        <Text className='notice warn'>新的绑定码只显示这一次，原来的已经作废。请打印下面的告知书交给{voter.name}本人，或把绑定码抄给他（她）。</Text>
        <PrintButton />
        <Button className='btn plain' id='close-reissued' onClick={onBack}>
          返回名册
        </Button>
      </View>
      <View className='card print-sheet'>
        <NoticeSlip name={voter.name} villageName={villageName} group={voter.group} code={code} title={title} category={voter.category} status={voter.status} listPublished={listPublished} />
      </View>
    </View>
  );
}
