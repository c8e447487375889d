import { Button, View } from '@tarojs/components';
import { goBack } from '../services/committee-nav';

/** Browser build: a committee page opened in a browser tab has no navigation bar, so 返回 is here. */
export default function BackBar() {
  return (
    <View className='backbar no-print' data-testid='backbar'>
      <Button className='backbar-btn' id='back' aria-label='返回上一页' onClick={goBack}>
        ‹ 返回
      </Button>
    </View>
  );
}
