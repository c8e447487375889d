import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useSession } from '../hooks/session-store';
import PageShell from './page-shell';
import { ErrorView, Loading } from './state-views';

type Ctx = ReturnType<typeof useSession>;

/**
 * 乡镇 pages: loading, error, not township staff — then the page. The gate is for clarity only:
 * every township action checks the caller's OPENID against the deployment's administrators.
 */
export default function TownshipGate({ children }: { children: (ctx: Ctx) => ReactNode }) {
  const ctx = useSession();
  const { status, whoami, error, reload } = ctx;
  let body: ReactNode;
  if (status === 'idle' || (status === 'loading' && !whoami)) body = <Loading />;
  else if (status === 'error' && error) body = <ErrorView error={error} onRetry={reload} />;
  else if (!whoami?.roles.includes('township'))
    body = (
      <View className='card' id='not-township' data-testid='not-township'>
        <Text className='card-title'>只有乡镇（街道）工作人员可以使用</Text>
        <Text className='text'>这里是乡镇指导各村选举的工作台。村民请回到首页。</Text>
      </View>
    );
  else return <PageShell>{children(ctx)}</PageShell>;
  return <PageShell>{body}</PageShell>;
}
