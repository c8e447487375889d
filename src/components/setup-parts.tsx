import { useState } from 'react';
import { Text, View } from '@tarojs/components';
// The committee contract stays out of the main package (services/contracts): committee pages import it here.
import * as committee from '../contracts/committee.contract';
import { useActionCall } from '../hooks/use-action';
import type { ErrEnvelope, InputOf, OutputOf } from '../services/contracts';
import { toast } from '../services/navigation';

/** Shared pieces of the 选举设置 cards (roster, voting arrangements). */
export type Setup = OutputOf<typeof committee.updateElection>;
export type UpdateInput = InputOf<typeof committee.updateElection>;

/**
 * Saves one card's part of the setup (committee.updateElection): a toast saying whether anything
 * changed, the new setup to the page, the server's warnings kept for the card to show.
 */
export function useSetupSave(savedText: string, onSaved: (s: Setup) => void) {
  const [warnings, setWarnings] = useState<string[]>([]);
  const call = useActionCall(committee.updateElection);
  const save = async (input: UpdateInput) => {
    const out = await call.run(input);
    if (!out) return;
    toast(out.changed.length ? savedText : '没有改动', 'success');
    onSaved(out);
    setWarnings(out.warnings);
  };
  return { pending: call.pending, error: call.error, clearError: call.clearError, save, warnings };
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

export function ErrorNote({ error, testid }: { error: ErrEnvelope | null; testid: string }) {
  if (!error) return null;
  const fields = Object.entries(error.fields ?? {});
  return (
    <View className='notice error' data-testid={testid}>
      <Text className='text strong'>没有保存：{fields.length ? `${where(fields[0]![0])}${fields[0]![1]}` : error.message}</Text>
    </View>
  );
}

export function Warnings({ list, testid }: { list: readonly string[]; testid: string }) {
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
export function GroupPick({ value, groups, onChange, id }: { value: string; groups: readonly string[]; onChange: (g: string) => void; id: string }) {
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

