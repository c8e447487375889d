import { Text, View } from '@tarojs/components';
import type { ElectionView } from '../hooks/session-store';
import { civilDate } from '../services/format';

export default function ElectionHeader({ election }: { election: ElectionView }) {
  return (
    <View className='card' data-testid='election'>
      <Text className='village'>{election.villageName}</Text>
      <Text className='title'>{election.title}</Text>
      <View className='phase'>
        <Text>当前阶段</Text>
        <Text className='phase-badge' data-testid='phase'>
          {election.phaseLabel}
        </Text>
      </View>
      <Text className='text muted'>选举日：{civilDate(election.electionDay, true)}</Text>
    </View>
  );
}
