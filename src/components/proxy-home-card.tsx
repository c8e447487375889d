import { Button, Text, View } from '@tarojs/components';
import { openProxyPage } from '../services/proxy-nav';

/**
 * 首页 待办 while 办理委托投票 is open: a voter who will be away asks a near relative to vote
 * for them; a relative answers a request. Shown only in the window (the page exists then).
 */
export default function ProxyHomeCard() {
  return (
    <View className='card' data-testid='proxy-home'>
      <Text className='card-title'>委托投票</Text>
      <Text className='text'>选举日回不了村的，可以委托一位本村的近亲属替您投票；家里有人委托您投票的，也在这里答复。</Text>
      <Button className='btn secondary' id='go-proxy' onClick={() => openProxyPage('mine')}>
        办理委托投票
      </Button>
    </View>
  );
}
