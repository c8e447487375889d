import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useConfirmEntry, useDeclareParticipation } from '../hooks/use-registration-actions';
import type { VoterView } from '../services/contracts';
import type { RegDone } from './reg-done';
import { TextField } from './form-fields';
import { awaitsDeclaration } from '../domain/voter-todo';

/** 确认登记信息, and for a category B voter still pending, 表示参加选举. */
export default function RegEntryActions({ voter, onDone }: { voter: VoterView; onDone: (d: RegDone) => void }) {
  const { confirmEntry, pending: confirming, error: confirmError } = useConfirmEntry();
  const { declare, pending: declaring, error: declareError } = useDeclareParticipation();
  const [livesIn, setLivesIn] = useState('');

  const mayDeclare = awaitsDeclaration(voter);
  const mayConfirm = !voter.confirmed && (voter.status === 'registered' || voter.status === 'pending');
  if (!mayDeclare && !mayConfirm) return null;

  return (
    <View>
      {mayDeclare ? (
        <View className='card' data-testid='declare'>
          <Text className='card-title'>表示参加选举</Text>
          <Text className='text'>您的户籍在本村、人在外地。要参加本届选举，需要本人表示参加。在手机上表示就可以，不用回村。</Text>
          <TextField id='declare-lives-in' label='现在住在哪里（可以不填）' value={livesIn} onChange={setLivesIn} error={declareError?.fields?.livesIn} placeholder='例如 广东省深圳市' maxlength={40} />
          {declareError && !declareError.fields?.livesIn ? (
            <Text className='notice error' data-testid='declare-error'>
              {declareError.message}
            </Text>
          ) : null}
          <Button className={'btn' + (declaring ? ' disabled' : '')} id='declare-submit' disabled={declaring || undefined} onClick={() => void declare(livesIn).then((out) => out && onDone({ kind: 'declare', on: out.declaredOn }))}>
            {declaring ? '正在提交…' : '我要参加本届选举'}
          </Button>
        </View>
      ) : null}
      {mayConfirm ? (
        <View className='card' data-testid='confirm'>
          <Text className='card-title'>核对登记信息</Text>
          <Text className='text'>请看一下上面的姓名、村民小组和类别。都对，就点“信息无误，确认”。</Text>
          {confirmError ? (
            <Text className='notice error' data-testid='confirm-error'>
              {confirmError.message}
            </Text>
          ) : null}
          <Button className={'btn' + (confirming ? ' disabled' : '')} id='confirm-entry' disabled={confirming || undefined} onClick={() => void confirmEntry().then((out) => out && onDone({ kind: 'confirm', at: out.confirmedAt }))}>
            {confirming ? '正在提交…' : '信息无误，确认'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
