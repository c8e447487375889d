import { Button, Text, View } from '@tarojs/components';
import NoticeSlip from './notice-slip';
import PrintButton from './print-button';
import type { RollEntry } from './roll-entry-actions';

export type Reissued = { voter: RollEntry; code: string };

/** The reissued binding code, shown once, as a printable 选民登记告知书 slip. */
export default function RollReissued({ reissued, title, villageName, listPublished, onBack }: { reissued: Reissued; title: string; villageName: string; listPublished: boolean; onBack: () => void }) {
  const { voter, code } = reissued;
  return (
    <View id='reissued' data-testid='reissued'>
      <View className='card no-print'>
        <Text className='card-title'>新的绑定码</Text>
        <Text className='notice warn'>新的绑定码只显示这一次，原来的已经作废。请打印下面的告知书交给{voter.name}本人，或把绑定码抄给他（她）。</Text>
        <PrintButton />
        <Button className='btn plain' id='close-reissued' onClick={onBack}>
          返回名册
        </Button>
      </View>
      <View className='card print-sheet'>
        <NoticeSlip name={voter.name} villageName={villageName} group={voter.group} code={code} title={title} category={voter.category} status={voter.status} listPublished={listPublished} />
      </View>
    </View>
  );
}
