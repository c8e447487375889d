import { useSyncExternalStore } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { answerConsentRequest, currentConsentRequest, watchConsentRequest } from '../services/notice-consent';
import './notice.scss';

/**
 * Browser dev mode only: a stand-in for WeChat's subscribe-message dialog, labelled as a
 * simulation. In the mini-program WeChat itself asks (wx.requestSubscribeMessage).
 */
export default function NoticeConsentDialog() {
  const req = useSyncExternalStore(watchConsentRequest, currentConsentRequest, currentConsentRequest);
  if (!req) return null;
  return (
    <View className='consent-mask' data-testid='consent-dialog'>
      <View className='consent-sheet'>
        <Text className='consent-sim'>开发模式：这是模拟的微信订阅消息授权窗口。在微信里，这个窗口由微信弹出。</Text>
        <Text className='card-title'>村选通 申请向您发送以下消息</Text>
        <Text className='text'>· 选举公告提醒（一次）</Text>
        <Text className='text small muted'>同意一次，只会收到一条提醒。</Text>
        <View className='consent-buttons'>
          <Button className='btn plain' id='consent-reject' onClick={() => answerConsentRequest(false)}>
            取消
          </Button>
          <Button className='btn' id='consent-accept' onClick={() => answerConsentRequest(true)}>
            允许
          </Button>
        </View>
      </View>
    </View>
  );
}
