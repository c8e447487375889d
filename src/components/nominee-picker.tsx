import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { NomineeView } from '../contracts/nomination.contract';
import { useNomineeSearch } from '../hooks/use-nomination';
import { FieldError } from './form-fields';

const SEX = { M: '男', F: '女' } as const;

/** One line that tells namesakes apart: name, group, sex, birth year (never ID digits, RULES §7). */
export function NomineeLine({ n }: { n: NomineeView }) {
  return (
    <View className='nominee-line'>
      <Text className='nominee-name'>{n.name}</Text>
      <Text className='nominee-meta'>
        {n.group} · {SEX[n.sex]} · {n.birthYear}年生
      </Text>
    </View>
  );
}

interface PickerProps {
  electionId: string | null;
  postLabel: string;
  seats: number;
  chosen: NomineeView[];
  onChange: (next: NomineeView[]) => void;
}

/** 提名 one post: up to `seats` villagers, found by name within the village. */
export default function NomineePicker({ electionId, postLabel, seats, chosen, onChange }: PickerProps) {
  const [name, setName] = useState('');
  const s = useNomineeSearch(electionId);
  const full = chosen.length >= seats;
  const has = (id: string) => chosen.some((c) => c.voterId === id);
  return (
    <View data-testid='nominee-picker'>
      <View className='card'>
        <Text className='card-title'>
          {postLabel}：最多提名 {seats} 人
        </Text>
        <Text className='text' data-testid='chosen-count'>
          已选 {chosen.length} 人{chosen.length === 0 ? '（也可以不提名，直接点“下一步”）' : ''}
        </Text>
        {chosen.map((c, i) => (
          <View className='nominee-row' key={c.voterId}>
            <Text className='nominee-no'>{i + 1}</Text>
            <NomineeLine n={c} />
            <Button className='btn plain small-btn' id={`remove-${c.voterId}`} onClick={() => onChange(chosen.filter((x) => x.voterId !== c.voterId))}>
              去掉
            </Button>
          </View>
        ))}
      </View>
      {full ? (
        <Text className='notice'>这个职位已选满 {seats} 人。要换人，先点“去掉”。</Text>
      ) : (
        <View className='card'>
          <Text className='field-label'>按姓名查找本村选民</Text>
          <Input className='input' id='nominee-name' type='text' maxlength={20} value={name} placeholder='输入姓名，如：王秀英' onInput={(e) => setName(e.detail.value)} />
          <FieldError error={s.error?.fields?.name ?? s.error?.message} />
          <Button className={'btn secondary' + (s.pending ? ' disabled' : '')} id='nominee-search' onClick={() => void s.search(name)}>
            {s.pending ? '正在查找…' : '查找'}
          </Button>
          {s.results && s.results.length === 0 ? <Text className='notice'>本村没有找到“{name.trim()}”。请核对姓名，或问问村民小组长。</Text> : null}
          {(s.results ?? []).map((n) => (
            <View className='nominee-row' key={n.voterId} data-testid='nominee-result'>
              <NomineeLine n={n} />
              <Button
                className={'btn small-btn' + (has(n.voterId) ? ' disabled' : '')}
                id={`pick-${n.voterId}`}
                disabled={has(n.voterId) || undefined}
                onClick={() => {
                  onChange([...chosen, n]);
                  s.reset();
                  setName('');
                }}
              >
                {has(n.voterId) ? '已选' : '选这位'}
              </Button>
            </View>
          ))}
          {s.more ? <Text className='text small muted'>同名的人较多，只显示了一部分。请核对小组和出生年份。</Text> : null}
        </View>
      )}
    </View>
  );
}
