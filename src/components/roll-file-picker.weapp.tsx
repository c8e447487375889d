import { Button, Text, View } from '@tarojs/components';
import { usePickRollFile } from '../hooks/use-pick-roll-file.weapp';
import type { RollFilePickerProps } from './roll-file-picker';

/** WeChat: the sheet comes from a chat (send it to 文件传输助手 from the computer first). */
export default function RollFilePicker({ disabled, onPicked }: RollFilePickerProps) {
  const { pick, message } = usePickRollFile();
  return (
    <View className='field'>
      <Text className='field-hint'>先在电脑微信上把登记表发到“文件传输助手”，再在这里选择。</Text>
      <Button
        className={'btn secondary' + (disabled ? ' disabled' : '')}
        id='roll-file'
        disabled={disabled || undefined}
        onClick={async () => {
          const f = await pick();
          if (f) onPicked(f);
        }}
      >
        从微信聊天中选择文件
      </Button>
      {message ? <Text className='notice error'>{message}</Text> : null}
    </View>
  );
}
