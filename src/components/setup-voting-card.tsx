import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { TextField } from './form-fields';
import { TimeField } from './form-pickers';
import { ErrorNote, GroupPick, useSetupSave, Warnings, type Setup, type UpdateInput } from './setup-parts';

type Voting = NonNullable<UpdateInput['voting']>;
type Station = Voting['stations'][number];
type Box = Voting['mobileBoxes'][number];
type Person = Box['monitors'][number];

const CENTRAL = '中心会场';

const emptyStation = (): Station => ({ name: '', place: '', groups: [] });
const emptyPerson = (): Person => ({ name: '', group: '' });

/** The arrangements being edited, from the stored ones; a station's groups keep the village's order. */
function useVotingDraft(stored: Setup['setup']['voting'], groups: readonly string[]) {
  const [opensAt, setOpensAt] = useState(stored?.opensAt ?? '');
  const [closesAt, setClosesAt] = useState(stored?.closesAt ?? '');
  const [centralPlace, setCentralPlace] = useState(stored?.centralPlace ?? '');
  const [stations, setStations] = useState<Station[]>(stored ? stored.stations.map((x) => ({ ...x, groups: [...x.groups] })) : []);
  const [boxes, setBoxes] = useState<Box[]>(stored ? stored.mobileBoxes.map((b) => ({ station: b.station, monitors: b.monitors.map((m) => ({ ...m })) })) : []);
  const setStation = (i: number, patch: Partial<Station>) => setStations(stations.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setBox = (i: number, patch: Partial<Box>) => setBoxes(boxes.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setMonitor = (i: number, k: number, patch: Partial<Person>) => setBox(i, { monitors: boxes[i]!.monitors.map((m, j) => (j === k ? { ...m, ...patch } : m)) });
  const toggleGroup = (i: number, g: string) => {
    const has = stations[i]!.groups.includes(g);
    setStation(i, { groups: has ? stations[i]!.groups.filter((x) => x !== g) : groups.filter((x) => x === g || stations[i]!.groups.includes(x)) });
  };
  const starts = [CENTRAL, ...stations.map((x) => x.name.trim()).filter(Boolean)];
  return { opensAt, setOpensAt, closesAt, setClosesAt, centralPlace, setCentralPlace, stations, setStations, boxes, setBoxes, setStation, setBox, setMonitor, toggleGroup, starts };
}

function StationItem({ i, st, groups, onChange, onToggle, onRemove }: { i: number; st: Station; groups: readonly string[]; onChange: (patch: Partial<Station>) => void; onToggle: (g: string) => void; onRemove: () => void }) {
  return (
    <View className='setup-item' data-testid='station' data-index={i}>
      <Text className='field-label'>第{i + 1}个投票站</Text>
      <Input className='input' id={`station-name-${i}`} value={st.name} placeholder='名称，例如 第一投票站' placeholderClass='input-placeholder' maxlength={20} onInput={(e) => onChange({ name: e.detail.value })} />
      <Input className='input setup-gap' id={`station-place-${i}`} value={st.place} placeholder='地点，例如 村小学' placeholderClass='input-placeholder' maxlength={40} onInput={(e) => onChange({ place: e.detail.value })} />
      <Text className='field-hint setup-gap'>在这里投票的小组（可以选几个）：</Text>
      <View className='chips'>
        {groups.map((g) => (
          <View key={g} role='button' className={'chip' + (st.groups.includes(g) ? ' on' : '')} data-group={g} onClick={() => onToggle(g)}>
            {g}
          </View>
        ))}
      </View>
      <Button className='btn plain' data-action='remove-station' onClick={onRemove}>
        删去这个投票站
      </Button>
    </View>
  );
}

interface BoxItemProps {
  i: number;
  b: Box;
  starts: readonly string[];
  groups: readonly string[];
  onChange: (patch: Partial<Box>) => void;
  onMonitor: (k: number, patch: Partial<Person>) => void;
  onRemove: () => void;
}

function BoxItem({ i, b, starts, groups, onChange, onMonitor, onRemove }: BoxItemProps) {
  return (
    <View className='setup-item' data-testid='mobile-box' data-index={i}>
      <Text className='field-label'>第{i + 1}号流动票箱：从哪里出发</Text>
      <View className='chips'>
        {starts.map((name) => (
          <View key={name} role='button' className={'chip' + (b.station === name ? ' on' : '')} data-start={name} onClick={() => onChange({ station: name })}>
            {name}
          </View>
        ))}
      </View>
      <Text className='field-label setup-gap'>监票人员</Text>
      {b.monitors.map((m, k) => (
        <View key={k} className='setup-monitor' data-testid='monitor'>
          <Input className='input' id={`box-${i}-monitor-${k}`} value={m.name} placeholder={`第${k + 1}名监票人员姓名`} placeholderClass='input-placeholder' maxlength={20} onInput={(e) => onMonitor(k, { name: e.detail.value })} />
          <GroupPick id={`box-${i}-monitor-${k}-group`} value={m.group} groups={groups} onChange={(group) => onMonitor(k, { group })} />
        </View>
      ))}
      <View className='btn-row'>
        <Button className='btn secondary' data-action='add-monitor' onClick={() => onChange({ monitors: [...b.monitors, emptyPerson()] })}>
          加监票人员
        </Button>
        <Button className='btn plain' data-action='remove-box' onClick={onRemove}>
          删去票箱
        </Button>
      </View>
    </View>
  );
}

/** Voting hours and the 中心会场 (with the groups that vote there, as stored). */
function HoursAndPlace({ v, stored, lock }: { v: ReturnType<typeof useVotingDraft>; stored: Setup['setup']['voting']; lock: { message: string } | undefined }) {
  return (
    <>
      {lock ? (
        <Text className='notice warn' data-testid='voting-locked'>
          {lock.message}
        </Text>
      ) : null}
      <View className='setup-row'>
        <View className='setup-half'>
          <TimeField id='voting-opens' label='开始时间' value={v.opensAt} placeholder='08:00' disabled={!!lock} onChange={v.setOpensAt} />
        </View>
        <View className='setup-half'>
          <TimeField id='voting-closes' label='结束时间' value={v.closesAt} placeholder='17:00' disabled={!!lock} onChange={v.setClosesAt} />
        </View>
      </View>
      <Text className='field-hint'>按北京时间，24小时制。</Text>
      <TextField id='voting-central' label='中心会场设在哪里' value={v.centralPlace} placeholder='例如 村民委员会大院' maxlength={40} error={undefined} onChange={v.setCentralPlace} />
      {stored ? <Text className='field-hint'>在中心会场投票的小组：{stored.centralGroups.length ? stored.centralGroups.join('、') : '（各小组都去投票站）'}</Text> : null}
    </>
  );
}

/** Who the 流动票箱 are for, the monitors each needs, and the guide to how many. */
function BoxesHint({ rules, registeredVoters }: { rules: Setup['setup']['rules']; registeredVoters: number }) {
  return (
    <Text className='text small muted'>
      只给行动不便、不能到投票站的选民用。每个流动票箱至少要有{rules.minBoxMonitors}名监票人员跟着。
      {rules.mobileBoxGuideMax !== null ? `本村登记选民${registeredVoters}人，一般不超过${rules.mobileBoxGuideMax}个。` : ''}
    </Text>
  );
}

/** Election-day arrangements: hours, 中心会场, 投票站 and 流动票箱 with their 监票人员. */
export default function VotingCard({ electionId, setup, onSaved }: { electionId: string; setup: Setup; onSaved: (s: Setup) => void }) {
  const stored = setup.setup.voting;
  const { rules, groups, locks, registeredVoters } = setup.setup;
  const lock = locks.find((l) => l.field === 'voting');
  const v = useVotingDraft(stored, groups);
  const { opensAt, closesAt, centralPlace, stations, setStations, boxes, setBoxes, setStation, setBox, setMonitor, toggleGroup, starts } = v;
  const call = useSetupSave('投票安排已保存', onSaved);
  const { clearError } = call;
  useEffect(() => clearError(), [stations.length, boxes.length, clearError]);
  const save = () => call.save({ electionId, revision: setup.revision, voting: { opensAt: opensAt.trim(), closesAt: closesAt.trim(), centralPlace, stations, mobileBoxes: boxes } });

  return (
    <View className='card' data-testid='voting-card'>
      <Text className='card-title'>投票时间和地点</Text>
      <HoursAndPlace v={v} stored={stored} lock={lock} />
      <Text className='card-title setup-sub'>投票站</Text>
      <Text className='text small muted'>没有安排投票站的小组，到中心会场投票。每个小组只能去一个投票站。</Text>
      {stations.map((st, i) => (
        <StationItem key={i} i={i} st={st} groups={groups} onChange={(patch) => setStation(i, patch)} onToggle={(g) => toggleGroup(i, g)} onRemove={() => setStations(stations.filter((_, j) => j !== i))} />
      ))}
      {!lock ? (
        <Button className='btn secondary' id='station-add' onClick={() => setStations([...stations, emptyStation()])}>
          添加投票站
        </Button>
      ) : null}

      <Text className='card-title setup-sub'>流动票箱</Text>
      <BoxesHint rules={rules} registeredVoters={registeredVoters} />
      {boxes.map((b, i) => (
        <BoxItem key={i} i={i} b={b} starts={starts} groups={groups} onChange={(patch) => setBox(i, patch)} onMonitor={(k, patch) => setMonitor(i, k, patch)} onRemove={() => setBoxes(boxes.filter((_, j) => j !== i))} />
      ))}
      {!lock ? (
        <Button className='btn secondary' id='box-add' onClick={() => setBoxes([...boxes, { station: CENTRAL, monitors: Array.from({ length: rules.minBoxMonitors }, emptyPerson) }])}>
          添加流动票箱
        </Button>
      ) : null}

      <ErrorNote error={call.error} testid='voting-error' />
      <Warnings list={call.warnings} testid='voting-warnings' />
      {!lock ? (
        <Button className={'btn' + (call.pending ? ' disabled' : '')} id='voting-save' onClick={() => void save()}>
          {call.pending ? '正在保存…' : '保存投票安排'}
        </Button>
      ) : null}
    </View>
  );
}
