import { Text, View } from '@tarojs/components';
import { noticeSheetText, type NoticeSheetEntry } from '../services/notice-sheet-text';

/** One 选民登记告知书 slip (name, group, what to do, binding code) — never the ID number. */
export default function NoticeSlip({ name, villageName, group, code, ...entry }: NoticeSheetEntry & { name: string; villageName: string; group: string; code: string }) {
  return (
    <View className='print-item' data-testid='notice-slip'>
      <Text className='text strong'>选民登记告知书</Text>
      <Text className='text'>
        {name}（{villageName} {group}）：
      </Text>
      <Text className='text small'>{noticeSheetText(entry)}</Text>
      <Text className='text'>
        绑定码：<Text className='code'>{code}</Text>
      </Text>
    </View>
  );
}
