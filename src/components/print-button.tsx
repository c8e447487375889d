import { Text } from '@tarojs/components';

/** Mini-program: phones do not print; the browser build (print-button.h5.tsx) does. */
export default function PrintButton() {
  return <Text className='notice warn'>手机上不能直接打印。请把这一页截屏发给会打印的人，或在电脑上用网页版导入后打印。绑定码只显示这一次。</Text>;
}
