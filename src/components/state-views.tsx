import type { ReactNode } from 'react';
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
      <Button className='btn' id='state-retry' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** Nothing to show yet, said as what it means for the reader (never a success on nothing). */
function EmptyView({ title, text, testId = 'empty' }: { title: string; text: string; testId?: string }) {
  return (
    <View className='card' data-testid={testId}>
      <Text className='card-title'>{title}</Text>
      <Text className='text'>{text}</Text>
    </View>
  );
}

export interface StateGateProps {
  /** The first reply is in (later reloads keep the content on screen). */
  ready: boolean;
  error: ErrEnvelope | null | undefined;
  onRetry: () => void;
  /** Ready but nothing to show: this box instead of the content. */
  empty?: { title: string; text: string; testId?: string } | null;
  /** The content, built only once ready (so it may rely on the data being there). */
  children: () => ReactNode;
}

/**
 * The one loading / error / empty gate of a page: before the first reply the loading card, or
 * the error with 重试; then the empty box, or the content. Committee and township pages can use
 * it the same way.
 */
export function StateGate({ ready, error, onRetry, empty, children }: StateGateProps) {
  if (!ready) return error ? <ErrorView error={error} onRetry={onRetry} /> : <Loading />;
  if (empty) return <EmptyView {...empty} />;
  return <>{children()}</>;
}
