import { Text, View } from '@tarojs/components';
import { TextField } from './form-fields';
import { ChipsField, DateField } from './form-pickers';

/** What a decision on an objection records, as the clerk fills it in. */
export interface DecideDraft {
  decision: 'upheld' | 'rejected';
  reason: string;
  name: string;
  group: string;
  idNumber: string;
  category: 'A' | 'B' | 'C';
  flag: 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';
  register: boolean;
  channel: 'inPerson' | 'phone';
  declaredOn: string;
  meeting: 'villagerMeeting' | 'representativeMeeting';
  meetingDate: string;
  minutesRef: string;
  residenceSince: string;
}

export type SetDraft = <K extends keyof DecideDraft>(k: K) => (v: DecideDraft[K]) => void;
type FieldErr = (f: string) => string | undefined;

const FLAGS: ReadonlyArray<readonly [DecideDraft['flag'], string]> = [
  ['deprived', '被剥夺政治权利'],
  ['deceased', '已去世'],
  ['movedAway', '已迁出'],
  ['unableToExercise', '无法行使选举权'],
];
const NEW_CATEGORIES: ReadonlyArray<readonly [DecideDraft['category'], string]> = [
  ['A', 'A 户籍在本村、住在本村'],
  ['B', 'B 户籍在本村、住在外地'],
  ['C', 'C 户籍不在本村、住在本村'],
];
const CHANNELS: ReadonlyArray<readonly [DecideDraft['channel'], string]> = [
  ['inPerson', '当面'],
  ['phone', '电话'],
];
const MEETINGS: ReadonlyArray<readonly [DecideDraft['meeting'], string]> = [
  ['villagerMeeting', '村民会议'],
  ['representativeMeeting', '村民代表会议'],
];
export const DECISIONS: ReadonlyArray<readonly [DecideDraft['decision'], string]> = [
  ['upheld', '申诉成立'],
  ['rejected', '申诉不成立'],
];
const FIX_CATEGORIES: ReadonlyArray<readonly [DecideDraft['category'], string]> = [
  ['A', 'A 住在本村'],
  ['B', 'B 住在外地'],
];

/** 列入名单: the person as on their ID card. */
export function AddPersonFields({ d, set, fe, byPerson }: { d: DecideDraft; set: SetDraft; fe: FieldErr; byPerson: boolean }) {
  return (
    <View>
      <Text className='text small muted'>把这个人列入选民名单：请对照本人身份证填写。</Text>
      <TextField id='decide-name' label='姓名' value={d.name} onChange={set('name')} error={fe('name')} placeholder='本人姓名' />
      <TextField id='decide-id-number' label='身份证号码' value={d.idNumber} onChange={set('idNumber')} error={fe('idNumber')} placeholder='18位，最后一位可能是X' maxlength={18} />
      <TextField id='decide-group' label='村民小组' value={d.group} onChange={set('group')} error={fe('group')} placeholder='村民小组' />
      <ChipsField id='decide-category' label='登记类别' options={NEW_CATEGORIES} value={d.category} onChange={set('category')} />
      {d.category === 'B' && byPerson ? <Text className='text small muted'>本人提出的这份申诉，就是本人表示参加选举。</Text> : null}
    </View>
  );
}

/** 本人表示参加选举 (category B, when someone else objected): how and on which day. */
export function DeclarationFields({ d, set, fe, today }: { d: DecideDraft; set: SetDraft; fe: FieldErr; today: string }) {
  return (
    <View data-testid='decide-declaration'>
      <ChipsField id='decide-channel' label='本人是怎样表示参加选举的' options={CHANNELS} value={d.channel} onChange={set('channel')} />
      <DateField id='decide-declared-on' label='哪一天' value={d.declaredOn} end={today} onChange={set('declaredOn')} error={fe('declaration.declaredOn')} />
    </View>
  );
}

/** Category C: the meeting that agreed, and since when the person lives here. */
export function MeetingFields({ d, set, fe, today, registered }: { d: DecideDraft; set: SetDraft; fe: FieldErr; today: string; registered: boolean }) {
  return (
    <View data-testid='decide-meeting'>
      <ChipsField id='decide-meeting' label='哪个会议同意的' options={MEETINGS} value={d.meeting} onChange={set('meeting')} />
      <DateField id='decide-meeting-date' label='开会日期' value={d.meetingDate} end={today} onChange={set('meetingDate')} error={fe('residence.meetingDate')} />
      <TextField id='decide-minutes-ref' label='会议记录编号' value={d.minutesRef} onChange={set('minutesRef')} error={fe('residence.minutesRef')} placeholder='例如 2026-村代会-03' maxlength={60} />
      <DateField id='decide-residence-since' label={`从哪天开始住在本村${registered ? '（登记里已有的可以不填）' : ''}`} value={d.residenceSince} end={today} onChange={set('residenceSince')} error={fe('residence.residenceSince')} />
    </View>
  );
}

/** 除名: why the person comes off the list. */
export function RemoveFields({ d, set }: { d: DecideDraft; set: SetDraft }) {
  return <ChipsField id='decide-flag' label='从名单上除名的原因' options={FLAGS} value={d.flag} onChange={set('flag')} />;
}

/** 更正: the wrong details, changed in place. */
export function CorrectFields({ d, set, fe, categoryWrong }: { d: DecideDraft; set: SetDraft; fe: FieldErr; categoryWrong: boolean }) {
  return (
    <View>
      <Text className='text small muted'>改正有误的项（没改的不用动）。</Text>
      <TextField id='correct-name' label='姓名' value={d.name} onChange={set('name')} error={fe('name')} placeholder='姓名' />
      <TextField id='correct-group' label='村民小组' value={d.group} onChange={set('group')} error={fe('group')} placeholder='村民小组' />
      {categoryWrong ? <ChipsField id='correct-category' label='登记类别' options={FIX_CATEGORIES} value={d.category} onChange={set('category')} /> : null}
    </View>
  );
}
