import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import PageShell from '../../../../components/page-shell';
import { ErrorView, Loading } from '../../../../components/state-views';
import { useCommitteeElection } from '../../../../hooks/notice-committee';
import type { ElectionView } from '../../../../hooks/session-store';

/** The committee notice pages: loading, errors and the role check, then the page for the election. */
export default function CommitteeGate({ children }: { children: (election: ElectionView) => ReactNode }) {
  const { session, election } = useCommitteeElection();
  if (session.status === 'idle' || (session.status === 'loading' && !session.whoami)) {
    return (
      <PageShell>
        <Loading />
      </PageShell>
    );
  }
  if (session.status === 'error' && session.error) {
    return (
      <PageShell>
        <ErrorView error={session.error} onRetry={session.reload} />
      </PageShell>
    );
  }
  if (!election) {
    return (
      <PageShell>
        <View className='card' data-testid='not-committee'>
          <Text className='card-title'>只有村选举委员会成员可以发布公告</Text>
          <Text className='text'>如果您是选举委员会成员，请先用乡镇发给您的邀请码加入，并创建本届选举。</Text>
        </View>
      </PageShell>
    );
  }
  return <PageShell>{children(election)}</PageShell>;
}
