import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { COMMITTEE_CHOSEN_BY_LABELS, COMMITTEE_ROLE_LABELS } from '../contracts/labels';
import { TextField } from './form-fields';
import { ChipsField, DateField } from './form-pickers';
import { ErrorNote, GroupPick, useSetupSave, Warnings, type Setup, type UpdateInput } from './setup-parts';

type Roster = NonNullable<UpdateInput['electionCommittee']>;
type Member = Roster['members'][number];
type Role = Member['role'];
type ChosenBy = Roster['chosenBy'];

const ROLES = Object.entries(COMMITTEE_ROLE_LABELS) as Array<[Role, string]>;
const CHOSEN_BY = Object.entries(COMMITTEE_CHOSEN_BY_LABELS) as Array<[ChosenBy | '', string]>;

const emptyMember = (role: Role): Member => ({ name: '', role, group: '' });

/** 村民选举委员会 roster: who, which seat, which group; chosen by which meeting on which day. */
export default function RosterCard({ electionId, setup, today, onSaved }: { electionId: string; setup: Setup; today: string; onSaved: (s: Setup) => void }) {
  const stored = setup.setup.electionCommittee;
  const { rules, groups } = setup.setup;
  const [chosenBy, setChosenBy] = useState<ChosenBy | ''>(stored?.chosenBy ?? '');
  const [chosenOn, setChosenOn] = useState(stored?.chosenOn ?? '');
  const [members, setMembers] = useState<Member[]>(
    stored ? stored.members.map((m) => ({ name: m.name, role: m.role, group: m.group })) : [emptyMember('chair'), emptyMember('viceChair'), emptyMember('member')],
  );
  const call = useSetupSave('成员名单已保存', onSaved);
  const set = (i: number, patch: Partial<Member>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const save = () => call.save({ electionId, revision: setup.revision, electionCommittee: { chosenBy: chosenBy as ChosenBy, chosenOn: chosenOn.trim(), members } });

  return (
    <View className='card' data-testid='roster-card'>
      <Text className='card-title'>选举委员会成员</Text>
      <Text className='text small muted'>
        至少{rules.minCommitteeMembers}人，设主任{rules.committeeChairs}名，人数最好是单数。成员被提名为候选人的，要退出选举委员会，在这里删去并补上新成员。
      </Text>
      {stored ? <Text className='text small'>已保存{stored.members.length}人（{stored.chosenByLabel}推选）。</Text> : <Text className='text small strong'>还没有填写成员名单。</Text>}
      <ChipsField id='chosen-by' label='由哪个会议推选' options={CHOSEN_BY} value={chosenBy} onChange={setChosenBy} />
      <DateField id='roster-chosen-on' label='推选日期' value={chosenOn} end={today} onChange={setChosenOn} />
      {members.map((m, i) => (
        <View className='setup-item' key={i} data-testid='roster-member' data-index={i}>
          <TextField id={`member-name-${i}`} label={`第${i + 1}位成员`} value={m.name} placeholder='姓名' error={undefined} onChange={(name) => set(i, { name })} />
          <View className='chips setup-gap'>
            {ROLES.map(([role, label]) => (
              <View key={role} role='button' className={'chip' + (m.role === role ? ' on' : '')} data-role={role} onClick={() => set(i, { role })}>
                {label}
              </View>
            ))}
          </View>
          <GroupPick id={`member-group-${i}`} value={m.group} groups={groups} onChange={(group) => set(i, { group })} />
          {members.length > 1 ? (
            <Button className='btn plain' data-action='remove-member' onClick={() => setMembers(members.filter((_, j) => j !== i))}>
              删去这位成员
            </Button>
          ) : null}
        </View>
      ))}
      <Button className='btn secondary' id='roster-add' onClick={() => setMembers([...members, emptyMember('member')])}>
        再加一位成员
      </Button>
      <ErrorNote error={call.error} testid='roster-error' />
      <Warnings list={call.warnings} testid='roster-warnings' />
      <Button className={'btn' + (call.pending ? ' disabled' : '')} id='roster-save' onClick={() => void save()}>
        {call.pending ? '正在保存…' : '保存成员名单'}
      </Button>
    </View>
  );
}

