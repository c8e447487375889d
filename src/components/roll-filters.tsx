import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type * as roll from '../contracts/roll.contract';
import { ChipsField, SelectField } from './form-pickers';

export type RollCategory = 'A' | 'B' | 'C' | '';
export type RollStatus = '' | 'registered' | 'pending' | 'deprived' | 'deceased' | 'movedAway' | 'unableToExercise';

export interface RollQuery {
  query: string;
  group: string;
  category: RollCategory;
  status: RollStatus;
  sort: roll.RosterSort;
  desc: boolean;
  page: number;
}

export const CATEGORIES: ReadonlyArray<readonly [RollCategory, string]> = [
  ['', '全部类别'],
  ['A', 'A 户籍在本村'],
  ['B', 'B 外出'],
  ['C', 'C 外来'],
];
export const STATUSES: ReadonlyArray<readonly [RollStatus, string]> = [
  ['', '全部状态'],
  ['registered', '已登记'],
  ['pending', '待表示/待审议'],
  ['deprived', '被剥夺政治权利'],
  ['deceased', '已去世'],
  ['movedAway', '已迁出'],
  ['unableToExercise', '无法行使选举权'],
];

/** 查找选民: one search box (name or group), the group, the category and the status. */
export default function RollFilters({ q, groups, statuses, onChange }: { q: RollQuery; groups: readonly string[]; statuses: typeof STATUSES; onChange: (next: Partial<RollQuery>) => void }) {
  const [draft, setDraft] = useState(q.query);
  const search = () => onChange({ query: draft.trim(), page: 1 });
  return (
    <View className='card roll-finder' data-testid='roll-filters'>
      <Text className='card-title'>查找选民</Text>
      <View className='field'>
        {/* In the label, not the placeholder: a placeholder this long was cut off in the phone's narrow box. */}
        <Text className='field-label'>姓名或小组（可以只填一部分）</Text>
        <View className='roll-search'>
          <Input className='input' placeholderClass='input-placeholder' id='roll-name' type='text' maxlength={20} value={draft} placeholder='例如 王' onInput={(e) => setDraft(e.detail.value)} onConfirm={search} />
          <Button className='btn' id='roll-search' onClick={search}>
            查找
          </Button>
        </View>
      </View>
      <View className='roll-filters'>
        <SelectField id='roll-group' label='村民小组' options={[['', '全部小组'], ...groups.map((g) => [g, g] as const)]} value={q.group} onChange={(group) => onChange({ group, page: 1 })} />
        <SelectField id='roll-status' label='状态' options={statuses} value={q.status} onChange={(s) => onChange({ status: s as RollStatus, page: 1 })} />
        <ChipsField id='roll-category' label='类别' options={CATEGORIES} value={q.category} onChange={(category) => onChange({ category, page: 1 })} />
      </View>
    </View>
  );
}
