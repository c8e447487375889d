import { Button, Text, View } from '@tarojs/components';
import CommitteeRegistration from '../../../../components/committee-registration';
import CountdownCard from '../../../../components/countdown-card';
import NoticeCommitteeLink from '../../../../components/notice-committee-link';
import ElectionHeader from '../../../../components/election-header';
import PageShell from '../../../../components/page-shell';
import '../../../../components/committee.scss';
import { ErrorView, Loading } from '../../../../components/state-views';
import Timeline from '../../../../components/timeline';
import { useSession } from '../../../../hooks/session-store';
import { openCommitteePage } from '../../../../services/committee-nav';
import { serverNow } from '../../../../hooks/use-countdown';
import { beijingDay } from '../../../../services/format';

/**
 * 选举委员会工作台. Role-gated in the UI for clarity only: every committee action is checked
 * again by the server against the caller's OPENID.
 */
export default function CommitteeDashboard() {
  const { status, whoami, error, clockOffsetMs, loadedAt, reload } = useSession();
  if (status === 'idle' || (status === 'loading' && !whoami)) {
    return (
      <PageShell console>
        <Loading />
      </PageShell>
    );
  }
  if (status === 'error' && error) {
    return (
      <PageShell console>
        <ErrorView error={error} onRetry={reload} />
      </PageShell>
    );
  }
  const villages = whoami?.committeeOf ?? [];
  if (villages.length === 0) {
    return (
      <PageShell console>
        <View className='card' data-testid='not-committee'>
          <Text className='card-title'>只有村选举委员会成员可以使用</Text>
          <Text className='text'>如果您是选举委员会成员，请使用乡镇发给您的邀请码加入。</Text>
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell console>
      {villages.map((v) => {
        const elections = (whoami?.elections ?? []).filter((e) => e.villageId === v.villageId);
        return (
          <View key={v.villageId} data-village={v.villageId}>
            {elections.length === 0 ? (
              <View className='card'>
                <Text className='village'>{v.villageName}</Text>
                <Text className='text'>还没有创建本届选举。</Text>
              </View>
            ) : (
              elections.map((e) => (
                <View key={e.id}>
                  <ElectionHeader election={e} />
                  {/* Wide screens: the work (registration, notices) beside the plan (posts, dates). */}
                  <View className='cols'>
                    <View>
                      <NoticeCommitteeLink />
                      <CommitteeRegistration electionId={e.id} election={e} today={beijingDay(serverNow(clockOffsetMs))} reloadKey={String(loadedAt)} />
                      {/* A section like the others (a bare button here sat flush against the next card). */}
                      <View className='card' data-testid='proxies-link'>
                        <Text className='card-title'>委托投票</Text>
                        <Text className='text small'>审核委托，公布委托投票名单，选举日登记。</Text>
                        <Button className='btn secondary' id='go-proxies' onClick={() => openCommitteePage('proxies')}>
                          委托投票审核
                        </Button>
                      </View>
                    </View>
                    <View>
                      <View className='card' data-testid='posts'>
                        <Text className='card-title'>职位和名额</Text>
                        {e.posts.map((p) => (
                          <View className='row' key={p.post}>
                            <Text className='row-key'>{p.label}</Text>
                            <Text className='row-value'>{p.seats}名</Text>
                          </View>
                        ))}
                        <Text className='text small muted'>适用规则：{e.presetName}</Text>
                        <Button className='btn secondary' id='go-election-setup' onClick={() => openCommitteePage('electionSetup')}>
                          选举设置：委员会成员、投票站
                        </Button>
                        <Button className='btn secondary' id='go-nominations' onClick={() => openCommitteePage('nominations')}>
                          提名和候选人：计票、结束提名、公布名单
                        </Button>
                      </View>
                      <CountdownCard election={e} clockOffsetMs={clockOffsetMs} onElapsed={reload} />
                      <Timeline
                        election={e}
                        clockOffsetMs={clockOffsetMs}
                        actions={{
                          proxyDeadline: { id: 'timeline-go-proxies', label: '审核委托投票', onClick: () => openCommitteePage('proxies') },
                          electionDay: { id: 'timeline-go-check-in', label: '选举日登记', onClick: () => openCommitteePage('checkIn') },
                        }}
                      />
                    </View>
                  </View>
                </View>
              ))
            )}
          </View>
        );
      })}
    </PageShell>
  );
}
