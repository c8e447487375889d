import { Button, Text, View } from '@tarojs/components';
import { openCommitteeNotices } from '../services/notice-navigation';

/** 工作台 entry to the committee's notices: compose, publish, 知晓率, remind. */
export default function NoticeCommitteeLink() {
  return (
    <View className='card' data-testid='committee-notices-link'>
      <Text className='card-title'>公告</Text>
      <Text className='text small muted'>发布公告并推送到选民微信，查看知晓率，提醒没有读的选民。</Text>
      <Button className='btn' id='go-committee-notices' onClick={openCommitteeNotices}>
        公告和阅读情况
      </Button>
    </View>
  );
}
