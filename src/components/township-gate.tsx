import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useSession } from '../hooks/session-store';
import './committee.scss';
import PageShell from './page-shell';
import { StateGate } from './state-views';

type Ctx = ReturnType<typeof useSession>;

/**
 * 乡镇 pages: loading, error (StateGate), not township staff — then the page, in the console
 * layout the committee pages use (width capped on a PC, 返回 in the browser build). The gate is
 * for clarity only: every township action checks the caller's OPENID against the deployment's
 * administrators.
 */
export default function TownshipGate({ children }: { children: (ctx: Ctx) => ReactNode }) {
  const ctx = useSession();
  const { status, whoami, error, reload } = ctx;
  // An error wins over an earlier reply (the session is stale); a reload keeps the page on screen.
  const ready = !!whoami && status !== 'idle' && status !== 'error';
  return (
    <PageShell console>
      <StateGate ready={ready} error={status === 'error' ? error : null} onRetry={reload}>
        {() =>
          whoami?.roles.includes('township') ? (
            children(ctx)
          ) : (
            <View className='card' id='not-township' data-testid='not-township'>
              <Text className='card-title'>只有乡镇（街道）工作人员可以使用</Text>
              <Text className='text'>这里是乡镇指导各村选举的工作台。村民请回到首页。</Text>
            </View>
          )
        }
      </StateGate>
    </PageShell>
  );
}
