import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useApplyResidence } from '../hooks/use-registration-actions';
import { ConsentField, FormError, GroupField, IdNumberField, TextField, useSelfIdentityState } from './form-fields';
import { DateField } from './form-pickers';

/**
 * 申请登记（外来人口，C类）: for someone living here whose 户籍 is elsewhere. `electionId` comes
 * from the QR code on the village's election poster (or the caller's known election); the
 * 村民小组 is picked from that village's list (useVillageGroups).
 */
export default function RegApplyForm({ electionId, today, onCancel, onApplied }: { electionId: string | null; today: string; onCancel: () => void; onApplied: () => void }) {
  const { apply, pending, error, clearError } = useApplyResidence();
  const me = useSelfIdentityState(electionId);
  const [since, setSince] = useState('');
  const fieldError = (f: string) => error?.fields?.[f];

  if (!electionId) {
    return (
      <View className='card' data-testid='apply-no-election'>
        <Text className='card-title'>申请登记（外来人口）</Text>
        <Text className='text'>请用微信扫一扫村里张贴的选举公告上的二维码，再申请登记。二维码里有本村这次选举的信息。</Text>
        <Button className='btn plain' id='apply-cancel' onClick={onCancel}>
          返回
        </Button>
      </View>
    );
  }

  return (
    <View className='card' data-testid='apply-form'>
      <Text className='card-title'>申请登记（外来人口）</Text>
      <Text className='text muted'>户籍不在本村、在本村居住满规定年限的，可以申请参加本村选举。经村民会议或村民代表会议同意后才算登记。</Text>
      <View className='spacer' />
      <TextField id='apply-name' label='姓名' value={me.name} onChange={me.setName} error={fieldError('name')} placeholder='和身份证上一样' />
      <IdNumberField label='身份证号码' value={me.idNumber} onChange={me.setIdNumber} error={fieldError('idNumber')} />
      <GroupField id='apply-group' label='住在哪个村民小组' groups={me.groups} value={me.group} onChange={me.setGroup} error={fieldError('group')} />
      <DateField id='apply-since' label='从哪天开始住在本村' value={since} end={today} onChange={setSince} error={fieldError('residenceSince')} weekday={false} />
      <ConsentField id='apply-consent' checked={me.consent} onToggle={me.toggleConsent} error={fieldError('consent')} text='我同意为登记选民而处理我的姓名和身份证号码。身份证号码只用来核对是否已在别处登记，不会公开。' />
      <FormError error={error} testId='apply-error' />
      <Button
        className={'btn' + (pending ? ' disabled' : '')}
        id='apply-submit'
        disabled={pending || undefined}
        onClick={() => {
          clearError();
          void apply({ electionId, name: me.name, idNumber: me.idNumber, group: me.group, residenceSince: since, consent: me.consent as true }).then((out) => {
            if (out) onApplied();
          });
        }}
      >
        {pending ? '正在提交…' : '提交申请'}
      </Button>
      <Button className='btn plain' id='apply-cancel' onClick={onCancel}>
        返回
      </Button>
    </View>
  );
}
