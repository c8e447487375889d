import { Button, Text, View } from '@tarojs/components';
import { useNoticeList } from '../hooks/notice-store';
import { openNoticeTab } from '../services/notice-navigation';
import NoticeSubscribeCard from './notice-subscribe-card';
import './notice.scss';

/** 首页: unread notices (badge, link to 公告) and the subscribe button. Bound voters only. */
export default function NoticeHomeCard() {
  const { data } = useNoticeList(true);
  if (!data) return null;
  return (
    <>
      <View className='card' data-testid='home-notices'>
        <View className='notice-headline'>
          <Text>公告</Text>
          {data.unread > 0 ? (
            <Text className='notice-badge' data-testid='home-unread'>
              {data.unread}
            </Text>
          ) : null}
        </View>
        <Text className='text'>{data.unread > 0 ? `有${data.unread}份公告您还没有读。` : data.notices.length > 0 ? '公告您都读过了。' : '选举委员会还没有发布公告。'}</Text>
        <Button className={data.unread > 0 ? 'btn' : 'btn secondary'} id='go-notices' onClick={openNoticeTab}>
          {data.unread > 0 ? '去看公告' : '看全部公告'}
        </Button>
      </View>
      <NoticeSubscribeCard pushesOwed={data.pushesOwed} />
    </>
  );
}
