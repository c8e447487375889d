import { Button, Text, View } from '@tarojs/components';
import { dateTime } from '../services/format';

/**
 * 还需要办的事. `onOpen` makes each item a way into its task (首页 opens 我的登记, where every
 * voter task has its card); without it the items are the page's own list.
 */
export default function TodoList({ todo, onOpen }: { todo: Array<{ key: string; label: string; deadline: string | null }>; onOpen?: (key: string) => void }) {
  return (
    <View className='card' data-testid='todo'>
      <Text className='card-title'>还需要办的事</Text>
      {todo.length === 0 ? (
        <Text className='notice ok'>没有要办的事了。选举日请带上身份证去投票。</Text>
      ) : (
        todo.map((t) => (
          <View className='todo-item' key={t.key} data-key={t.key}>
            <Text className='text strong'>{t.label}</Text>
            {t.deadline ? <Text className='text small muted'>截止：{dateTime(Date.parse(t.deadline) - 1)}</Text> : null}
            {onOpen ? (
              <Button className='btn secondary' id={`todo-go-${t.key}`} onClick={() => onOpen(t.key)}>
                去办理
              </Button>
            ) : null}
          </View>
        ))
      )}
    </View>
  );
}
