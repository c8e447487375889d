import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useCommitteeElection } from '../hooks/use-committee';
import type { ElectionView } from '../hooks/session-store';
import './committee.scss';
import PageShell from './page-shell';
import { ErrorView, Loading } from './state-views';

type Ctx = ReturnType<typeof useCommitteeElection>;

/** Committee pages: loading, error, not a member, no election yet — then the page itself. */
export default function CommitteeGate({ children }: { children: (ctx: Ctx & { electionId: string; election: ElectionView }) => ReactNode }) {
  const ctx = useCommitteeElection();
  const { status, whoami, error, reload, village, election } = ctx;
  let body: ReactNode;
  if (status === 'idle' || (status === 'loading' && !whoami)) body = <Loading />;
  else if (status === 'error' && error) body = <ErrorView error={error} onRetry={reload} />;
  else if (!village)
    body = (
      <View className='card' data-testid='not-committee'>
        <Text className='card-title'>只有村选举委员会成员可以使用</Text>
        <Text className='text'>如果您是选举委员会成员，请使用乡镇发给您的邀请码加入。</Text>
      </View>
    );
  else if (!election)
    body = (
      <View className='card'>
        <Text className='village'>{village.villageName}</Text>
        <Text className='text'>还没有创建本届选举。</Text>
      </View>
    );
  else return <PageShell console>{children({ ...ctx, election, electionId: election.id })}</PageShell>;
  return <PageShell console>{body}</PageShell>;
}
