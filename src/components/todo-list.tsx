import { Text, View } from '@tarojs/components';
import { dateTime } from '../services/format';

export default function TodoList({ todo }: { todo: Array<{ key: string; label: string; deadline: string | null }> }) {
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
          </View>
        ))
      )}
    </View>
  );
}
