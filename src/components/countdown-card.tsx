import { Text, View } from '@tarojs/components';
import type { ElectionView } from '../hooks/session-store';
import { useCountdown } from '../hooks/use-countdown';
import { dateTime, remainingParts } from '../services/format';

/** The next statutory deadline, counted down on the server's clock. */
export default function CountdownCard({ election, clockOffsetMs, onElapsed }: { election: ElectionView; clockOffsetMs: number; onElapsed: () => void }) {
  const next = election.next;
  const left = useCountdown(next?.deadline, clockOffsetMs, onElapsed);
  if (!next) {
    return (
      <View className='card' data-testid='countdown'>
        <Text className='text'>本届选举的日程都已经结束了。</Text>
      </View>
    );
  }
  const parts = remainingParts(left ?? 0);
  return (
    <View className='card countdown' data-testid='countdown'>
      <Text className='countdown-label'>距离“{next.label}”截止还有</Text>
      {left === 0 ? (
        <Text className='countdown-num' data-testid='countdown-value'>
          已截止，正在更新…
        </Text>
      ) : (
        <View className='countdown-value' data-testid='countdown-value'>
          <Text className='countdown-num'>{parts.days}</Text>
          <Text className='countdown-unit'>天</Text>
          <Text className='countdown-num'>{parts.hours}</Text>
          <Text className='countdown-unit'>小时</Text>
          <Text className='countdown-num'>{parts.minutes}</Text>
          <Text className='countdown-unit'>分</Text>
        </View>
      )}
      <Text className='countdown-due'>截止时间：{dateTime(Date.parse(next.deadline) - 1)}</Text>
    </View>
  );
}
