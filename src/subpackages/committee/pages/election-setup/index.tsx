import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { COMMITTEE_CHOSEN_BY_LABELS, COMMITTEE_ROLE_LABELS } from '../../../../contracts/labels';
import { useActionCall, useActionData } from '../../../../hooks/use-action';
// The committee contract stays out of the main package (services/contracts): this page imports it here.
import * as committee from '../../../../contracts/committee.contract';
import { type ErrEnvelope, type InputOf, type OutputOf } from '../../../../services/contracts';
import { civilDate } from '../../../../services/format';
import { toast } from '../../../../services/navigation';
import { openNoticeCompose } from '../../../../services/notice-navigation';
import './index.scss';

type Setup = OutputOf<typeof committee.updateElection>;
type UpdateInput = InputOf<typeof committee.updateElection>;
type Roster = NonNullable<UpdateInput['electionCommittee']>;
type Member = Roster['members'][number];
type Voting = NonNullable<UpdateInput['voting']>;
type Station = Voting['stations'][number];
type Box = Voting['mobileBoxes'][number];
type Person = Box['monitors'][number];
type Role = Member['role'];
type ChosenBy = Roster['chosenBy'];

const CENTRAL = '中心会场';
const ROLES = Object.entries(COMMITTEE_ROLE_LABELS) as Array<[Role, string]>;
const CHOSEN_BY = Object.entries(COMMITTEE_CHOSEN_BY_LABELS) as Array<[ChosenBy, string]>;

/**
 * 选举设置: the 村民选举委员会 roster and the election-day arrangements (投票时间, 中心会场,
 * 投票站, 流动票箱 with their 监票人员), which the typed notices announce. Each card saves on its
 * own through committee.updateElection; the server checks every rule and its refusal is shown
 * in plain Chinese next to the button. A section that can no longer change says why.
 */
export default function ElectionSetupPage() {
  return <CommitteeGate>{({ electionId }) => <SetupForms electionId={electionId} />}</CommitteeGate>;
}

function SetupForms({ electionId }: { electionId: string }) {
  const current = useActionData(committee.updateElection, { electionId }, electionId);
  if (!current.data) {
    return current.error ? <Text className='notice error'>{current.error.message}</Text> : <Text className='text muted'>正在读取…</Text>;
  }
  const s = current.data;
  return (
    <View data-testid='election-setup'>
      <View className='card'>
        <Text className='card-title'>选举设置</Text>
        <Text className='text'>选举日：{civilDate(s.election.electionDay, true)}</Text>
        <Text className='text small muted'>这里填写选举委员会成员和投票安排。填好后可以发布“选举委员会成员公告”“选举日、时间和地点公告”和“投票站和流动票箱公告”。</Text>
        <Button className='btn secondary' id='setup-go-compose' onClick={() => openNoticeCompose()}>
          去发布公告
        </Button>
      </View>
      <RosterCard electionId={electionId} setup={s} onSaved={current.setData} />
      <VotingCard electionId={electionId} setup={s} onSaved={current.setData} />
    </View>
  );
}

/** "electionCommittee.members.1.name" → "第2位成员：". */
function where(path: string): string {
  const m = /members\.(\d+)/.exec(path);
  if (m) return `第${Number(m[1]) + 1}位成员：`;
  const box = /mobileBoxes\.(\d+)(?:\.monitors\.(\d+))?/.exec(path);
  if (box) return `第${Number(box[1]) + 1}号流动票箱${box[2] !== undefined ? `第${Number(box[2]) + 1}名监票人员` : ''}：`;
  const st = /stations\.(\d+)/.exec(path);
  if (st) return `第${Number(st[1]) + 1}个投票站：`;
  return '';
}

function ErrorNote({ error, testid }: { error: ErrEnvelope | null; testid: string }) {
  if (!error) return null;
  const fields = Object.entries(error.fields ?? {});
  return (
    <View className='notice error' data-testid={testid}>
      <Text className='text strong'>没有保存：{fields.length ? `${where(fields[0]![0])}${fields[0]![1]}` : error.message}</Text>
    </View>
  );
}

function Warnings({ list, testid }: { list: readonly string[]; testid: string }) {
  if (!list.length) return null;
  return (
    <View className='notice warn' data-testid={testid}>
      {list.map((w) => (
        <Text className='text' key={w}>
          请注意：{w}
        </Text>
      ))}
    </View>
  );
}

/** One village group, picked from a short list that opens on tap. */
function GroupPick({ value, groups, onChange, id }: { value: string; groups: readonly string[]; onChange: (g: string) => void; id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='setup-group-pick'>
      <View role='button' className={'chip setup-group-btn' + (value ? '' : ' empty')} id={id} onClick={() => setOpen(!open)}>
        {value || '选择所在小组'} {open ? '▲' : '▼'}
      </View>
      {open ? (
        <View className='chips setup-group-list'>
          {groups.map((g) => (
            <View
              key={g}
              role='button'
              className={'chip' + (g === value ? ' on' : '')}
              data-group={g}
              onClick={() => {
                onChange(g);
                setOpen(false);
              }}
            >
              {g}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

const emptyMember = (role: Role): Member => ({ name: '', role, group: '' });

function RosterCard({ electionId, setup, onSaved }: { electionId: string; setup: Setup; onSaved: (s: Setup) => void }) {
  const stored = setup.setup.electionCommittee;
  const { rules, groups } = setup.setup;
  const [chosenBy, setChosenBy] = useState<ChosenBy | ''>(stored?.chosenBy ?? '');
  const [chosenOn, setChosenOn] = useState(stored?.chosenOn ?? '');
  const [members, setMembers] = useState<Member[]>(
    stored ? stored.members.map((m) => ({ name: m.name, role: m.role, group: m.group })) : [emptyMember('chair'), emptyMember('viceChair'), emptyMember('member')],
  );
  const [warnings, setWarnings] = useState<string[]>([]);
  const call = useActionCall(committee.updateElection);
  const set = (i: number, patch: Partial<Member>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const save = async () => {
    const out = await call.run({ electionId, revision: setup.revision, electionCommittee: { chosenBy: chosenBy as ChosenBy, chosenOn: chosenOn.trim(), members } });
    if (!out) return;
    toast(out.changed.length ? '成员名单已保存' : '没有改动', 'success');
    onSaved(out);
    setWarnings(out.warnings);
  };

  return (
    <View className='card' data-testid='roster-card'>
      <Text className='card-title'>选举委员会成员</Text>
      <Text className='text small muted'>
        至少{rules.minCommitteeMembers}人，设主任{rules.committeeChairs}名，人数最好是单数。成员被提名为候选人的，要退出选举委员会，在这里删去并补上新成员。
      </Text>
      {stored ? <Text className='text small'>已保存{stored.members.length}人（{stored.chosenByLabel}推选）。</Text> : <Text className='text small strong'>还没有填写成员名单。</Text>}
      <View className='field'>
        <Text className='field-label'>由哪个会议推选</Text>
        <View className='chips'>
          {CHOSEN_BY.map(([k, label]) => (
            <View key={k} role='button' className={'chip' + (chosenBy === k ? ' on' : '')} data-chosen-by={k} onClick={() => setChosenBy(k)}>
              {label}
            </View>
          ))}
        </View>
      </View>
      <View className='field'>
        <Text className='field-label'>推选日期</Text>
        <Input className='input' id='roster-chosen-on' value={chosenOn} placeholder='年-月-日，如 2026-03-01' placeholderClass='input-placeholder' maxlength={10} onInput={(e) => setChosenOn(e.detail.value)} />
      </View>
      {members.map((m, i) => (
        <View className='setup-item' key={i} data-testid='roster-member' data-index={i}>
          <Text className='field-label'>第{i + 1}位成员</Text>
          <Input className='input' id={`member-name-${i}`} value={m.name} placeholder='姓名' placeholderClass='input-placeholder' maxlength={20} onInput={(e) => set(i, { name: e.detail.value })} />
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
      <Warnings list={warnings} testid='roster-warnings' />
      <Button className={'btn' + (call.pending ? ' disabled' : '')} id='roster-save' onClick={() => void save()}>
        {call.pending ? '正在保存…' : '保存成员名单'}
      </Button>
    </View>
  );
}

const emptyStation = (): Station => ({ name: '', place: '', groups: [] });
const emptyPerson = (): Person => ({ name: '', group: '' });

function VotingCard({ electionId, setup, onSaved }: { electionId: string; setup: Setup; onSaved: (s: Setup) => void }) {
  const stored = setup.setup.voting;
  const { rules, groups, locks, registeredVoters } = setup.setup;
  const lock = locks.find((l) => l.field === 'voting');
  const [opensAt, setOpensAt] = useState(stored?.opensAt ?? '');
  const [closesAt, setClosesAt] = useState(stored?.closesAt ?? '');
  const [centralPlace, setCentralPlace] = useState(stored?.centralPlace ?? '');
  const [stations, setStations] = useState<Station[]>(stored ? stored.stations.map((x) => ({ ...x, groups: [...x.groups] })) : []);
  const [boxes, setBoxes] = useState<Box[]>(stored ? stored.mobileBoxes.map((b) => ({ station: b.station, monitors: b.monitors.map((m) => ({ ...m })) })) : []);
  const [warnings, setWarnings] = useState<string[]>([]);
  const call = useActionCall(committee.updateElection);
  const { clearError } = call;
  useEffect(() => clearError(), [stations.length, boxes.length, clearError]);

  const setStation = (i: number, patch: Partial<Station>) => setStations(stations.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setBox = (i: number, patch: Partial<Box>) => setBoxes(boxes.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setMonitor = (i: number, k: number, patch: Partial<Person>) => setBox(i, { monitors: boxes[i]!.monitors.map((m, j) => (j === k ? { ...m, ...patch } : m)) });
  const toggleGroup = (i: number, g: string) => {
    const has = stations[i]!.groups.includes(g);
    setStation(i, { groups: has ? stations[i]!.groups.filter((x) => x !== g) : groups.filter((x) => x === g || stations[i]!.groups.includes(x)) });
  };
  const starts = [CENTRAL, ...stations.map((x) => x.name.trim()).filter(Boolean)];

  const save = async () => {
    const out = await call.run({
      electionId,
      revision: setup.revision,
      voting: { opensAt: opensAt.trim(), closesAt: closesAt.trim(), centralPlace, stations, mobileBoxes: boxes },
    });
    if (!out) return;
    toast(out.changed.length ? '投票安排已保存' : '没有改动', 'success');
    onSaved(out);
    setWarnings(out.warnings);
  };

  return (
    <View className='card' data-testid='voting-card'>
      <Text className='card-title'>投票时间和地点</Text>
      {lock ? (
        <Text className='notice warn' data-testid='voting-locked'>
          {lock.message}
        </Text>
      ) : null}
      <View className='setup-row'>
        <View className='field setup-half'>
          <Text className='field-label'>开始时间</Text>
          <Input className='input' id='voting-opens' value={opensAt} placeholder='08:00' placeholderClass='input-placeholder' maxlength={5} disabled={!!lock} onInput={(e) => setOpensAt(e.detail.value)} />
        </View>
        <View className='field setup-half'>
          <Text className='field-label'>结束时间</Text>
          <Input className='input' id='voting-closes' value={closesAt} placeholder='17:00' placeholderClass='input-placeholder' maxlength={5} disabled={!!lock} onInput={(e) => setClosesAt(e.detail.value)} />
        </View>
      </View>
      <Text className='field-hint'>按北京时间，24小时制，例如下午5点写 17:00。</Text>
      <View className='field'>
        <Text className='field-label'>中心会场设在哪里</Text>
        <Input className='input' id='voting-central' value={centralPlace} placeholder='例如 村民委员会大院' placeholderClass='input-placeholder' maxlength={40} disabled={!!lock} onInput={(e) => setCentralPlace(e.detail.value)} />
        {stored ? <Text className='field-hint'>在中心会场投票的小组：{stored.centralGroups.length ? stored.centralGroups.join('、') : '（各小组都去投票站）'}</Text> : null}
      </View>

      <Text className='card-title setup-sub'>投票站</Text>
      <Text className='text small muted'>没有安排投票站的小组，到中心会场投票。每个小组只能去一个投票站。</Text>
      {stations.map((st, i) => (
        <View className='setup-item' key={i} data-testid='station' data-index={i}>
          <Text className='field-label'>第{i + 1}个投票站</Text>
          <Input className='input' id={`station-name-${i}`} value={st.name} placeholder='名称，例如 第一投票站' placeholderClass='input-placeholder' maxlength={20} onInput={(e) => setStation(i, { name: e.detail.value })} />
          <Input className='input setup-gap' id={`station-place-${i}`} value={st.place} placeholder='地点，例如 村小学' placeholderClass='input-placeholder' maxlength={40} onInput={(e) => setStation(i, { place: e.detail.value })} />
          <Text className='field-hint setup-gap'>在这里投票的小组（可以选几个）：</Text>
          <View className='chips'>
            {groups.map((g) => (
              <View key={g} role='button' className={'chip' + (st.groups.includes(g) ? ' on' : '')} data-group={g} onClick={() => toggleGroup(i, g)}>
                {g}
              </View>
            ))}
          </View>
          <Button className='btn plain' data-action='remove-station' onClick={() => setStations(stations.filter((_, j) => j !== i))}>
            删去这个投票站
          </Button>
        </View>
      ))}
      {!lock ? (
        <Button className='btn secondary' id='station-add' onClick={() => setStations([...stations, emptyStation()])}>
          添加投票站
        </Button>
      ) : null}

      <Text className='card-title setup-sub'>流动票箱</Text>
      <Text className='text small muted'>
        只给行动不便、不能到投票站的选民用。每个流动票箱至少要有{rules.minBoxMonitors}名监票人员跟着。
        {rules.mobileBoxGuideMax !== null ? `本村登记选民${registeredVoters}人，一般不超过${rules.mobileBoxGuideMax}个。` : ''}
      </Text>
      {boxes.map((b, i) => (
        <View className='setup-item' key={i} data-testid='mobile-box' data-index={i}>
          <Text className='field-label'>第{i + 1}号流动票箱：从哪里出发</Text>
          <View className='chips'>
            {starts.map((name) => (
              <View key={name} role='button' className={'chip' + (b.station === name ? ' on' : '')} data-start={name} onClick={() => setBox(i, { station: name })}>
                {name}
              </View>
            ))}
          </View>
          <Text className='field-label setup-gap'>监票人员</Text>
          {b.monitors.map((m, k) => (
            <View key={k} className='setup-monitor' data-testid='monitor'>
              <Input className='input' id={`box-${i}-monitor-${k}`} value={m.name} placeholder={`第${k + 1}名监票人员姓名`} placeholderClass='input-placeholder' maxlength={20} onInput={(e) => setMonitor(i, k, { name: e.detail.value })} />
              <GroupPick id={`box-${i}-monitor-${k}-group`} value={m.group} groups={groups} onChange={(group) => setMonitor(i, k, { group })} />
            </View>
          ))}
          <View className='btn-row'>
            <Button className='btn secondary' data-action='add-monitor' onClick={() => setBox(i, { monitors: [...b.monitors, emptyPerson()] })}>
              加监票人员
            </Button>
            <Button className='btn plain' data-action='remove-box' onClick={() => setBoxes(boxes.filter((_, j) => j !== i))}>
              删去票箱
            </Button>
          </View>
        </View>
      ))}
      {!lock ? (
        <Button className='btn secondary' id='box-add' onClick={() => setBoxes([...boxes, { station: CENTRAL, monitors: Array.from({ length: rules.minBoxMonitors }, emptyPerson) }])}>
          添加流动票箱
        </Button>
      ) : null}

      <ErrorNote error={call.error} testid='voting-error' />
      <Warnings list={warnings} testid='voting-warnings' />
      {!lock ? (
        <Button className={'btn' + (call.pending ? ' disabled' : '')} id='voting-save' onClick={() => void save()}>
          {call.pending ? '正在保存…' : '保存投票安排'}
        </Button>
      ) : null}
    </View>
  );
}
