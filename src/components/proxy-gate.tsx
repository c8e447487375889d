import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useSession } from '../hooks/session-store';
import { openTab } from '../services/navigation';
import { StateGate } from './state-views';

/** 委托投票 is done under one's own voter identity: an unbound reader is sent to bind first. */
function ProxyUnbound() {
  return (
    <View className='card' data-testid='proxy-unbound'>
      <Text className='card-title'>先绑定选民身份</Text>
      <Text className='text'>委托投票要用您本人的选民身份办理。</Text>
      <Button className='btn' id='proxy-go-bind' onClick={() => openTab('registration')}>
        去绑定
      </Button>
    </View>
  );
}

/**
 * The villager's 委托投票 pages behind the one page-state gate: the session's loading card or
 * error with 重试, then the bind prompt for an unbound reader, then the page (built only for a
 * bound voter, so it may load its own data through a second StateGate).
 */
export default function ProxySessionGate({ children }: { children: () => ReactNode }) {
  const session = useSession();
  return (
    <StateGate ready={!!session.whoami} error={session.status === 'error' ? session.error : null} onRetry={() => void session.reload()}>
      {() => (session.whoami?.voter ? children() : <ProxyUnbound />)}
    </StateGate>
  );
}
