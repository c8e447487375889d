import { Button, Text, View } from '@tarojs/components';
import type { ErrEnvelope } from '../services/contracts';

export function Loading({ text = '正在加载，请稍等…' }: { text?: string }) {
  return (
    <View className='card center' data-testid='loading'>
      <Text className='text muted'>{text}</Text>
    </View>
  );
}

export function ErrorView({ error, onRetry }: { error: ErrEnvelope; onRetry: () => void }) {
  return (
    <View className='card' data-testid='error'>
      <Text className='notice error'>{error.message}</Text>
      {error.requestId ? <Text className='text small muted'>问题编号：{error.requestId}</Text> : null}
      <Button className='btn' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}
