import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useActionCall } from '../hooks/use-action';
import * as roll from '../contracts/roll.contract';
import type { InputOf, OutputOf } from '../services/contracts';
import { confirmDialog, toast } from '../services/navigation';
import { FormError, TextAreaField, TextField } from './form-fields';
import { ChipsField, DateField } from './form-pickers';
import { awaitsDeclaration } from '../domain/voter-todo';

export type RollEntry = OutputOf<typeof roll.listVoters>['rows'][number];
export type FlagOp = 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';
type Mode = 'approve' | 'reject' | 'declare' | 'flag' | 'restore' | 'reissue' | 'release';
type Meeting = 'villagerMeeting' | 'representativeMeeting';
type Channel = 'inPerson' | 'phone';

const MEETINGS: ReadonlyArray<readonly [Meeting, string]> = [
  ['villagerMeeting', '村民会议'],
  ['representativeMeeting', '村民代表会议'],
];
const CHANNELS: ReadonlyArray<readonly [Channel, string]> = [
  ['inPerson', '本人当面表示'],
  ['phone', '本人打电话表示'],
];
const FLAG_STATUSES: readonly string[] = ['deprived', 'deceased', 'movedAway', 'unableToExercise'];

/** Which operations the entry offers; the server re-checks each one and explains a refusal. */
function modesFor(voter: RollEntry, listPublished: boolean): Array<[Mode, string]> {
  const flagged = FLAG_STATUSES.includes(voter.status);
  const modes: Array<[Mode, string]> = [];
  if (!listPublished) {
    if (voter.category === 'C' && voter.status === 'pending' && !voter.residence) modes.push(['approve', '会议同意登记'], ['reject', '会议不同意']);
    if (awaitsDeclaration(voter) && !voter.declaration) modes.push(['declare', '记录本人表示参加']);
    modes.push(flagged ? ['restore', '恢复'] : ['flag', '标记']);
  }
  modes.push(['reissue', '重新生成绑定码']);
  // Whether this entry holds the deployment-wide registration is the server's to say (NOT_HELD).
  if (!listPublished) modes.push(['release', '释放登记（人户分离）']);
  return modes;
}

interface Draft {
  flag: FlagOp;
  reason: string;
  meeting: Meeting;
  meetingDate: string;
  minutesRef: string;
  channel: Channel;
  declaredOn: string;
}

function inputFor(mode: Mode, base: { electionId: string; voterId: string }, d: Draft): InputOf<typeof roll.setVoterStatus> {
  switch (mode) {
    case 'flag':
      return { ...base, op: d.flag, reason: d.reason };
    case 'restore':
      return { ...base, op: 'restore', reason: d.reason };
    case 'approve':
      return { ...base, op: 'approveResidence', meeting: d.meeting, meetingDate: d.meetingDate, minutesRef: d.minutesRef };
    case 'reject':
      return { ...base, op: 'rejectResidence', meeting: d.meeting, meetingDate: d.meetingDate, minutesRef: d.minutesRef, reason: d.reason };
    case 'declare':
      return { ...base, op: 'recordDeclaration', channel: d.channel, declaredOn: d.declaredOn };
    case 'reissue':
      return { ...base, op: 'reissueBindingCode' };
    case 'release':
      return { ...base, op: 'releaseRegistration', reason: d.reason };
  }
}

function confirmText(mode: Mode, voter: RollEntry): [string, string, string] | null {
  const flagged = FLAG_STATUSES.includes(voter.status);
  if (mode === 'release') {
    return ['释放登记', `释放后，${voter.name}在本村的选民登记作废${flagged ? '' : '（标为“已迁出”）'}，另一个村（社区）就可以给此人登记选民。这一步会记入工作记录。确定释放吗？`, '释放'];
  }
  if (mode === 'reissue') {
    return ['重新生成绑定码', `${voter.name}原来的绑定码马上作废。新的绑定码只显示一次，请打印告知书或抄下来交给本人。${voter.bound ? '已经绑定的微信不受影响。' : ''}`, '生成'];
  }
  return null;
}

type SetDraft = <K extends keyof Draft>(k: K) => (v: Draft[K]) => void;
interface FieldsProps {
  d: Draft;
  set: SetDraft;
  fe: (f: string) => string | undefined;
  today: string;
}

/** 本人表示参加选举 in person or by phone (category B), recorded by the committee. */
function DeclareFields({ d, set, fe, today }: FieldsProps) {
  return (
    <View data-testid='declare-in-person'>
      <Text className='text small'>户籍在本村、外出居住的，本人当面或打电话向选举委员会表示参加选举，也算登记。别人不能代替表示。</Text>
      <ChipsField id='channel' label='怎么表示的' options={CHANNELS} value={d.channel} onChange={set('channel')} />
      <DateField id='declared-on' label='哪天表示的' value={d.declaredOn} end={today} onChange={set('declaredOn')} error={fe('declaredOn')} />
    </View>
  );
}

/** The 村民会议/村民代表会议 decision on a category C application. */
function MeetingFields({ d, set, fe, today }: FieldsProps) {
  return (
    <View>
      <ChipsField id='meeting' label='哪个会议决定的' options={MEETINGS} value={d.meeting} onChange={set('meeting')} />
      <DateField id='meeting-date' label='会议日期' value={d.meetingDate} end={today} onChange={set('meetingDate')} error={fe('meetingDate')} />
      <TextField id='minutes-ref' label='会议记录编号' value={d.minutesRef} onChange={set('minutesRef')} error={fe('minutesRef')} placeholder='例如 2026-村代会-03' maxlength={60} />
    </View>
  );
}

interface Props {
  electionId: string;
  voter: RollEntry;
  flags: ReadonlyArray<readonly [FlagOp, string]>;
  listPublished: boolean;
  today: string;
  onDone: (v: RollEntry, bindingCode?: string) => void;
}

/** One entry's operations: category decisions, an in-person declaration, flags, a new code, release. */
export default function RollEntryActions({ electionId, voter, flags, listPublished, today, onDone }: Props) {
  const call = useActionCall(roll.setVoterStatus);
  const modes = modesFor(voter, listPublished);
  const [mode, setMode] = useState<Mode>(modes[0]![0]);
  const [d, setDraft] = useState<Draft>({ flag: 'deceased', reason: '', meeting: 'representativeMeeting', meetingDate: '', minutesRef: '', channel: 'inPerson', declaredOn: today });
  const set: SetDraft = (k) => (v) => setDraft((x) => ({ ...x, [k]: v }));
  const fe = (f: string) => call.error?.fields?.[f];

  const submit = async () => {
    const input = inputFor(mode, { electionId, voterId: voter.id }, d);
    const ask = confirmText(mode, voter);
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
      <ChipsField id='mode' label='要办的事' options={modes} value={mode} onChange={(m) => (setMode(m), call.clearError())} />
      {listPublished ? <Text className='text small muted'>选民名单已经公布，名单上的改动要通过申诉处理。</Text> : null}
      {mode === 'flag' ? <ChipsField id='flag' label='标记为' options={flags} value={d.flag} onChange={set('flag')} /> : null}
      {mode === 'declare' ? <DeclareFields d={d} set={set} fe={fe} today={today} /> : null}
      {mode === 'approve' || mode === 'reject' ? <MeetingFields d={d} set={set} fe={fe} today={today} /> : null}
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
        <TextAreaField
          id='entry-reason'
          label='理由（会记入工作记录）'
          value={d.reason}
          onChange={set('reason')}
          error={fe('reason')}
          maxlength={200}
          placeholder={mode === 'release' ? '例如 本人长期住在松林村，要求在松林村登记' : '写明依据，例如死亡证明、迁出证明'}
        />
      ) : null}
      <View id='entry-error'>
        <FormError error={call.error} testId='entry-error' />
      </View>
      <Button className={'btn' + (call.pending ? ' disabled' : '')} disabled={call.pending || undefined} data-action='save' id='entry-save' onClick={() => void submit()}>
        {call.pending ? '正在保存…' : mode === 'reissue' ? '生成新的绑定码' : mode === 'release' ? '释放登记' : '保存'}
      </Button>
    </View>
  );
}
