import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useScrollTopOnMount } from '../hooks/use-scroll-top';
import { civilDate, dateTime } from '../services/format';
import './task-done.scss';

export interface TaskDoneProps {
  /** data-testid of the box, for the e2e flows (e.g. 'declare-done'). */
  testId: string;
  /** One short line: 已表示参加本届选举. */
  title: string;
  /** 办了什么, in one sentence. */
  done: string;
  /**
   * When it was done: an instant (written 2027年1月8日（星期五）14:05, Beijing time), or
   * `{ day }` when the record keeps only the day (a declaration is kept by its civil date).
   */
  at: string | number | { day: string };
  /** 接下来: what happens next and what, if anything, is still the villager's to do. */
  next: string;
  /** The one button that closes the box. */
  backLabel?: string;
  onBack: () => void;
  /** Scroll to the top when the box replaces a whole form (default); false when it replaces one button in place. */
  scrollToTop?: boolean;
  /** Task-specific extras between 什么时候 and 接下来 (a receipt, the names chosen). */
  children?: ReactNode;
}

/**
 * 办好了: the one finish box every villager task ends on — bind, confirm, declare participation,
 * apply, file an objection (申诉), nominate, proxy request and answer, mark a notice read. It says
 * what was done, when (a date in words) and what comes next, in that order, once.
 */
export default function TaskDone({ testId, title, done, at, next, backLabel = '好的，知道了', onBack, scrollToTop = true, children }: TaskDoneProps) {
  useScrollTopOnMount(scrollToTop);
  return (
    <View className='card task-done' data-testid={testId} data-task-done=''>
      <Text className='task-done-mark'>✓</Text>
      <Text className='card-title'>{title}</Text>
      <Part k='办了什么' v={done} testId='task-done-what' />
      <Part k='什么时候' v={typeof at === 'object' ? civilDate(at.day) : `${dateTime(at)}（北京时间）`} testId='task-done-when' />
      {children}
      <Part k='接下来' v={next} testId='task-done-next' />
      <Button className='btn' id='finish-back' onClick={onBack}>
        {backLabel}
      </Button>
    </View>
  );
}

function Part({ k, v, testId }: { k: string; v: string; testId: string }) {
  return (
    <View className='task-done-part' data-testid={testId}>
      <Text className='task-done-key'>{k}</Text>
      <Text className='task-done-value'>{v}</Text>
    </View>
  );
}
