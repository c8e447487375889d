import { Button, Text, View } from '@tarojs/components';
import type { ElectionView } from '../hooks/session-store';
import { serverNow } from '../hooks/use-countdown';
import { civilDate } from '../services/format';
import { timelineMarks, type TimelineMark } from '../domain/calendar';
import { weekdayWords } from '../domain/date-words';

const MARK_TEXT: Record<TimelineMark, string> = { done: '已结束', late: '已逾期', now: '进行中', next: '下一步', later: '未开始' };

/** The way into a calendar row's task while it is in progress (e.g. 去提名 on 直接提名候选人); a row without one has no page. */
export interface TimelineAction {
  id: string;
  label: string;
  onClick: () => void;
}

/** 法定日程: each step marked done / late / in progress / next / later on the server's clock. */
export default function Timeline({ election, clockOffsetMs, actions = {} }: { election: ElectionView; clockOffsetMs: number; actions?: Record<string, TimelineAction> }) {
  const marks = timelineMarks(election.calendar, new Date(serverNow(clockOffsetMs)));
  return (
    <View className='card' data-testid='timeline'>
      <Text className='card-title'>选举日程</Text>
      {election.calendar.map((c, i) => {
        const mark = marks[i]!;
        const range = c.opensOn && c.opensOn !== c.lastDay;
        return (
          <View
            key={c.key}
            className={`timeline-item ${mark}`}
            data-key={c.key}
            data-mark={mark}
            // A row in progress with a page is a link to that page, the whole row as well as its button.
            role={mark === 'now' && actions[c.key] ? 'link' : undefined}
            onClick={mark === 'now' && actions[c.key] ? actions[c.key]!.onClick : undefined}
          >
            <Text className='timeline-mark'>{c.doneOn ? '已完成' : MARK_TEXT[mark]}</Text>
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
                  // The weekday may go to the next line: the whole date is wider than a 关怀模式 line.
                  <>
                    <Text className='nowrap'>{civilDate(c.lastDay, true, false)}</Text>
                    <Text className='nowrap'>（{weekdayWords(c.lastDay)}）</Text>
                  </>
                )}
                {c.provisional ? <Text className='nowrap'>（暂定）</Text> : null}
              </View>
              {mark === 'late' ? <Text className='timeline-done-on'>过了法定期限还没有完成</Text> : null}
              {mark === 'now' && actions[c.key] ? (
                <Button className='btn secondary' id={actions[c.key]!.id} onClick={actions[c.key]!.onClick}>
                  {actions[c.key]!.label}
                </Button>
              ) : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
