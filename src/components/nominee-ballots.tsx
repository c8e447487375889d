import { Button, Image, Text, View } from '@tarojs/components';
import type { NomineeBallots, OpenNominee } from '../hooks/use-nomination-committee';
import type { ErrEnvelope } from '../services/contracts';
import { dateTime } from '../services/format';
import { FormError } from './form-fields';
import { Loading } from './state-views';
import './nomination.scss';

/**
 * 提名某人的签名票: for the committee only — who signed, for which post, when, and the
 * signature drawing (paper ballots show their scan reference instead). 返回 at top and bottom,
 * so an elderly clerk never scrolls to find the way back.
 */
export function NomineeBallotList({ nominee, ballots, error, onBack }: { nominee: OpenNominee; ballots: NomineeBallots | null; error: ErrEnvelope | null; onBack: () => void }) {
  const back = (id: string) => (
    <Button className='btn plain' id={id} onClick={onBack}>
      返回
    </Button>
  );
  return (
    <View data-testid='nominee-ballots'>
      {back('nominee-ballots-back')}
      <Text className='page-title'>
        提名{nominee.name}的签名票{ballots ? `（${ballots.length}张）` : ''}
      </Text>
      <FormError error={error} testId='nominee-ballots-error' />
      {ballots === null && !error ? <Loading /> : null}
      {ballots && ballots.length === 0 ? <Text className='text muted'>没有提名{nominee.name}的票</Text> : null}
      {(ballots ?? []).map((b) => (
        <View className='card nominee-ballot' key={`${b.voterId}:${b.post}`} data-voter={b.voterId}>
          <Text className='card-title'>
            {b.name}（{b.group || '小组不详'}）
          </Text>
          <Text className='text'>
            提名为{b.postLabel} · {b.channel === 'paper' ? `纸质票 ${b.scanRef ?? ''}` : '手机提名'}
          </Text>
          <Text className='text'>提交时间：{dateTime(b.submittedAt)}</Text>
          {b.valid ? null : <Text className='notice error'>这张票无效</Text>}
          {b.signatureUrl ? <Image className='ballot-sig' src={b.signatureUrl} mode='aspectFit' /> : <Text className='text muted'>纸质票，签名见原件</Text>}
        </View>
      ))}
      {ballots && ballots.length > 2 ? back('nominee-ballots-back-bottom') : null}
    </View>
  );
}
