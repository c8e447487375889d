import { Button, Text, View } from '@tarojs/components';
import { ErrorView, Loading } from '../../../../components/state-views';
import { useNoticeStats } from '../../../../hooks/notice-committee';
import type { ElectionView } from '../../../../hooks/session-store';
import { dateTime } from '../../../../services/format';
import { openNoticeCompose, openNoticeStats } from '../../../../services/notice-navigation';
import CommitteeGate from '../../../../components/committee-gate';
import '../../../../components/notice.scss';

/** 公告管理: every published notice with its 知晓率; write a new one. */
export default function CommitteeNoticesPage() {
  return <CommitteeGate>{({ election }) => <NoticeList election={election} />}</CommitteeGate>;
}

function NoticeList({ election }: { election: ElectionView }) {
  const { data, error, reload } = useNoticeStats(election.id);
  return (
    <>
      <View className='card'>
        <Text className='village'>{election.villageName}</Text>
        <Text className='card-title'>公告和阅读情况</Text>
        <Text className='text small muted'>发布后不能修改，只能发更正公告。每份公告都能看到有多少选民读过（知晓率），没读的可以再提醒。</Text>
        <Button className='btn' id='notice-new' onClick={() => openNoticeCompose()}>
          写新公告
        </Button>
      </View>
      {!data ? (
        error ? (
          <ErrorView error={error} onRetry={() => void reload()} />
        ) : (
          <Loading />
        )
      ) : data.notices.length === 0 ? (
        <View className='card' data-testid='committee-notices-empty'>
          <Text className='text'>还没有发布公告。</Text>
        </View>
      ) : (
        <View data-testid='committee-notice-list'>
          {data.notices.map((n) => (
            <View className='notice-item' key={n.id} role='button' data-testid='committee-notice' data-id={n.id} onClick={() => openNoticeStats(n.id)}>
              <View className='notice-item-body'>
                <Text className='notice-item-title'>{n.title}</Text>
                <View className='notice-meta'>
                  <Text className='notice-type'>{n.typeLabel}</Text>
                  <Text>{dateTime(n.publishedAt)}</Text>
                  {n.correctedBy ? <Text className='notice-state unread'>已更正</Text> : null}
                </View>
                <View className='bar-row'>
                  <View className='bar-head'>
                    <Text>知晓率</Text>
                    <Text className='strong'>
                      {n.awareness.label}（{n.awareness.readers}/{n.awareness.registered}人）
                    </Text>
                  </View>
                  <View className='bar-track'>
                    <View className='bar-fill' style={{ width: `${Math.round((n.awareness.rate ?? 0) * 1000) / 10}%` }} />
                  </View>
                </View>
              </View>
            </View>
          ))}
        </View>
      )}
    </>
  );
}
