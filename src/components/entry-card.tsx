import { Text, View } from '@tarojs/components';
import type { VoterView } from '../services/contracts';
import { civilDate } from '../services/format';

const SEX = { M: '男', F: '女' } as const;

/** The caller's own roll entry; no digit of the ID number, only that it was checked (RULES.md §7). */
export default function EntryCard({ voter }: { voter: VoterView }) {
  const rows: Array<[string, string, string]> = [
    ['姓名', voter.name, 'name'],
    ['身份证号码', '已核验', 'idChecked'],
    ['性别', SEX[voter.sex], 'sex'],
    ['村（社区）', voter.villageName, 'village'],
    ['村民小组', voter.group, 'group'],
    ['选举日年龄', `${voter.ageOnElectionDay}岁`, 'age'],
    ['登记状态', voter.statusLabel, 'status'],
    // The date alone: with 已表示 after it the value (kept on one line) was wider than a 关怀模式 phone.
    ...(voter.category === 'B' && voter.declaredOn ? [['表示参加选举', civilDate(voter.declaredOn), 'declared'] as [string, string, string]] : []),
    ['本人核对信息', voter.confirmed ? '已核对，无误' : '还没有核对', 'confirmed'],
  ];
  return (
    <View className='card' data-testid='entry'>
      <Text className='card-title'>我的选民登记</Text>
      <View className='rows'>
        {rows.map(([k, v, key]) => (
          <View className='row' key={key} data-field={key}>
            <Text className='row-key'>{k}</Text>
            <Text className='row-value'>{v}</Text>
          </View>
        ))}
      </View>
      <Text className='text small muted'>登记类别：{voter.categoryLabel}</Text>
    </View>
  );
}
