import { Button, Text, View } from '@tarojs/components';
import PageShell from '../../components/page-shell';
import NoticeSubscribeCard from '../../components/notice-subscribe-card';
import { StateGate } from '../../components/state-views';
import { sortNotices, useNoticeList, useNoticePullDown, type NoticeItem } from '../../hooks/notice-store';
import { useSession } from '../../hooks/session-store';
import { dateTime } from '../../services/format';
import { openNotice } from '../../services/notice-navigation';
import { openTab } from '../../services/navigation';
import '../../components/notice.scss';

/** 公告: the election's notices, unread first, newest first. */
export default function NoticesPage() {
  const session = useSession();
  const bound = !!session.whoami?.voter;
  const { status, data, error, reload } = useNoticeList(bound);
  useNoticePullDown(bound);

  return (
    <PageShell>
      <StateGate ready={!!session.whoami && session.status !== 'idle'} error={session.status === 'error' ? session.error : null} onRetry={session.reload}>
        {() =>
          !bound ? (
            <View className='card' data-testid='notices-unbound'>
              <Text className='card-title'>绑定以后才能看本村的公告</Text>
              <Text className='text'>公告是选举委员会发给本村选民的。先绑定您的选民身份，这里就会显示全部公告。</Text>
              <Button className='btn' id='notices-go-bind' onClick={() => openTab('registration')}>
                去绑定选民身份
              </Button>
            </View>
          ) : (
            <StateGate
              ready={!!data}
              error={status === 'error' ? error : null}
              onRetry={() => void reload()}
              // No notice yet: say so, never “all read” over an empty list.
              empty={data && data.notices.length === 0 ? { title: '还没有公告', text: '选举委员会还没有发布公告。发布以后会显示在这里，有新公告时会在“公告”上显示红色数字。', testId: 'notices-empty' } : null}
            >
              {() => <NoticeListView data={data!} />}
            </StateGate>
          )
        }
      </StateGate>
    </PageShell>
  );
}

function NoticeListView({ data }: { data: NonNullable<ReturnType<typeof useNoticeList>['data']> }) {
  const list = sortNotices(data.notices);
  return (
    <View>
      <View className='card' data-testid='notices-summary'>
        <View className='notice-headline'>
          <Text>{data.unread > 0 ? '未读公告' : '公告都读过了'}</Text>
          {data.unread > 0 ? (
            <Text className='notice-badge' data-testid='notices-unread'>
              {data.unread}
            </Text>
          ) : null}
        </View>
        <Text className='text small muted'>共{data.notices.length}份公告，没读的排在前面。</Text>
      </View>
      <View data-testid='notice-list'>
        {list.map((n) => (
          <NoticeRow key={n.id} n={n} />
        ))}
      </View>
      <NoticeSubscribeCard pushesOwed={data.pushesOwed} />
    </View>
  );
}

function NoticeRow({ n }: { n: NoticeItem }) {
  return (
    <View id={`notice-${n.id}`} className={'notice-item' + (n.read ? '' : ' unread')} data-testid='notice-item' data-id={n.id} data-read={n.read ? 'yes' : 'no'} role='button' onClick={() => openNotice(n.id)}>
      <View className={'notice-dot' + (n.read ? ' read' : '')} data-testid={n.read ? undefined : 'unread-dot'} />
      <View className='notice-item-body'>
        <Text className='notice-item-title'>{n.title}</Text>
        <View className='notice-meta'>
          <Text className='notice-type'>{n.typeLabel}</Text>
          <Text>{dateTime(n.publishedAt)}</Text>
          <Text className={'notice-state ' + (n.read ? 'read' : 'unread')}>{n.read ? '已读' : '未读'}</Text>
          {n.correctedBy ? <Text className='notice-state unread'>已更正</Text> : null}
          {n.corrects ? <Text className='notice-state'>更正公告</Text> : null}
        </View>
      </View>
    </View>
  );
}
