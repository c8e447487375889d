import { Button, Text, View } from '@tarojs/components';
import type { SubmitResult } from '../hooks/use-nomination';
import { civilDate } from '../services/format';
import { NomineeLine } from './nominee-picker';
import ReceiptQr from './receipt-qr';
import TaskDone from './task-done';
import './nomination.scss';

interface DoneProps {
  result: Pick<SubmitResult, 'receipt' | 'names'> & { replaced?: boolean };
  closesOn: string | null;
  onVerify: (code: string) => void;
  onCopy: (code: string) => void;
  onHome: () => void;
}

/** 提名已提交: the shared finish box, with the names chosen, the receipt code large, its QR and 核验回执. */
export default function NominationDone({ result, closesOn, onVerify, onCopy, onHome }: DoneProps) {
  const { receipt, names } = result;
  return (
    <TaskDone
      testId='nomination-done'
      title='提名已提交'
      done={result.replaced ? '您的新提名票已经签名提交，替换了上一张（两张都记录在案）。' : '您的提名票已经签名提交。'}
      at={receipt.submittedAt}
      next={`${closesOn ? `提名到${civilDate(closesOn)}结束。` : ''}结束后，村选举委员会统计提名，公布正式候选人名单，公告会发到“公告”里。您可以随时用回执编号核验自己的提名票是否被计入。`}
      backLabel='回首页'
      onBack={onHome}
    >
      {names.map((line) => (
        <View key={line.post} className='task-done-part'>
          <Text className='field-label'>
            {line.label}（{line.names.length}人）
          </Text>
          {line.names.length === 0 ? <Text className='text muted'>没有提名</Text> : line.names.map((n) => <NomineeLine key={n.voterId} n={n} />)}
        </View>
      ))}
      <View className='task-done-part center'>
        <Text className='text'>回执编号（请拍照或抄下来）</Text>
        <Text className='receipt-code' data-testid='receipt-code' selectable>
          {receipt.code}
        </Text>
        <ReceiptQr text={receipt.code} label={`回执二维码：${receipt.code}`} />
        <Button className='btn secondary' id='copy-receipt' onClick={() => onCopy(receipt.code)}>
          复制回执编号
        </Button>
        <Button className='btn secondary' id='go-verify' onClick={() => onVerify(receipt.code)}>
          核验回执
        </Button>
      </View>
    </TaskDone>
  );
}
