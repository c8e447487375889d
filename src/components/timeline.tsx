import { Text, View } from '@tarojs/components';
import type { ElectionView } from '../hooks/session-store';
import { serverNow } from '../hooks/use-countdown';
import { civilDate } from '../services/format';

type Mark = 'done' | 'now' | 'next' | 'later';
const MARK_TEXT: Record<Mark, string> = { done: '已结束', now: '进行中', next: '下一步', later: '未开始' };

/** 法定日程: each step marked done / in progress / next / later on the server's clock. */
export default function Timeline({ election, clockOffsetMs }: { election: ElectionView; clockOffsetMs: number }) {
  const now = serverNow(clockOffsetMs);
  const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
  return (
    <View className='card' data-testid='timeline'>
      <Text className='card-title'>选举日程</Text>
      {election.calendar.map((c) => {
        const ended = Date.parse(c.deadline) <= now;
        // Only a step with an opening day can be "in progress"; a bare deadline is next or later.
        const open = !ended && c.opensOn !== null && c.opensOn <= today;
        const mark: Mark = ended ? 'done' : open ? 'now' : election.next?.key === c.key ? 'next' : 'later';
        const range = c.opensOn && c.opensOn !== c.lastDay;
        return (
          <View key={c.key} className={`timeline-item ${mark}`} data-key={c.key} data-mark={mark}>
            <Text className='timeline-mark'>{MARK_TEXT[mark]}</Text>
            <View className='timeline-body'>
              <Text className='timeline-label'>{c.label}</Text>
              {/* Each date is kept whole when the line wraps (关怀模式 makes lines short). */}
              <View className='timeline-dates'>
                {range ? (
                  <>
                    <Text className='nowrap'>{civilDate(c.opensOn!, false, false)}</Text>
                    <Text> 至 </Text>
                    <Text className='nowrap'>{civilDate(c.lastDay, false, false)}</Text>
                  </>
                ) : (
                  <Text className='nowrap'>{civilDate(c.lastDay)}</Text>
                )}
                {c.provisional ? <Text className='nowrap'>（暂定）</Text> : null}
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
