import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useCommitteeElection } from '../hooks/use-committee';
import type { ElectionView } from '../hooks/session-store';
import './committee.scss';
import PageShell from './page-shell';
import { StateGate } from './state-views';

type Ctx = ReturnType<typeof useCommitteeElection>;

/** Committee pages: loading, error (StateGate), not a member, no election yet — then the page itself. */
export default function CommitteeGate({ children }: { children: (ctx: Ctx & { electionId: string; election: ElectionView }) => ReactNode }) {
  const ctx = useCommitteeElection();
  const { status, whoami, error, reload, village, election } = ctx;
  // An error wins over an earlier reply (the session is stale); a reload keeps the page on screen.
  const ready = !!whoami && status !== 'idle' && status !== 'error';
  const body = (): ReactNode => {
    if (!village)
      return (
        <View className='card' data-testid='not-committee'>
          <Text className='card-title'>只有村选举委员会成员可以使用</Text>
          <Text className='text'>如果您是选举委员会成员，请使用乡镇发给您的邀请码加入。</Text>
        </View>
      );
    if (!election)
      return (
        <View className='card'>
          <Text className='village'>{village.villageName}</Text>
          <Text className='text'>还没有创建本届选举。</Text>
        </View>
      );
    return children({ ...ctx, election, electionId: election.id });
  };
  return (
    <PageShell console>
      <StateGate ready={ready} error={status === 'error' ? error : null} onRetry={reload}>
        {body}
      </StateGate>
    </PageShell>
  );
}
