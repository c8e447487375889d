import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useBind } from '../hooks/use-identity-actions';
import { dateTime } from '../services/format';
import DemoFill from './demo-fill';
import IdNumberInput from './id-number-input';
import { BIND_PURPOSE } from './privacy-text';

type Field = 'name' | 'idNumber' | 'bindingCode' | 'consent';

export default function BindForm({ lockedUntil, nowMs }: { lockedUntil: string | null; nowMs: number }) {
  const { submit, pending, error, clearError } = useBind();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [bindingCode, setBindingCode] = useState('');
  const [consent, setConsent] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});

  const locked = lockedUntil !== null && Date.parse(lockedUntil) > nowMs;
  // A field error disappears as soon as that field is edited.
  const fieldError = (f: Field) => (!touched[f] ? error?.fields?.[f] : undefined);
  const edit = (f: Field) => setTouched((t) => ({ ...t, [f]: true }));

  const onSubmit = async () => {
    // A disabled button may still deliver a tap on some clients; never double-submit.
    if (pending || locked) return;
    setTouched({});
    await submit({ name, idNumber, bindingCode, consent: consent as true });
  };

  const hasFieldErrors = !!error?.fields && Object.keys(error.fields).length > 0;

  return (
    <View className='card' data-testid='bind-form'>
      <Text className='card-title'>绑定选民身份</Text>
      <Text className='text muted'>请对照村选举委员会发给您的《选民登记告知书》填写。</Text>
      <View className='spacer' />

      <DemoFill
        onFill={(v) => {
          setName(v.name);
          setIdNumber(v.idNumber);
          setBindingCode(v.bindingCode);
          setTouched({ name: true, idNumber: true, bindingCode: true });
          clearError();
        }}
      />

      <View className='field'>
        <Text className='field-label'>姓名</Text>
        <Input
          className={'input' + (fieldError('name') ? ' invalid' : '')}
          placeholderClass='input-placeholder'
          id='bind-name'
          type='text'
          maxlength={20}
          value={name}
          placeholder='和身份证上一样'
          onInput={(e) => {
            setName(e.detail.value);
            edit('name');
          }}
        />
        {fieldError('name') ? <Text className='field-error'>{fieldError('name')}</Text> : null}
      </View>

      <View className='field'>
        <Text className='field-label'>身份证号码</Text>
        <IdNumberInput
          value={idNumber}
          invalid={!!fieldError('idNumber')}
          onChange={(v) => {
            setIdNumber(v);
            edit('idNumber');
          }}
        />
        {fieldError('idNumber') ? <Text className='field-error'>{fieldError('idNumber')}</Text> : null}
      </View>

      <View className='field'>
        <Text className='field-label'>绑定码</Text>
        <Text className='field-hint'>在《选民登记告知书》上，是8位字母和数字</Text>
        <Input
          className={'input' + (fieldError('bindingCode') ? ' invalid' : '')}
          placeholderClass='input-placeholder'
          id='bind-code'
          type='text'
          maxlength={12}
          value={bindingCode}
          placeholder='例如 K7PM3QXA'
          onInput={(e) => {
            setBindingCode(e.detail.value.toUpperCase());
            edit('bindingCode');
          }}
        />
        {fieldError('bindingCode') ? <Text className='field-error'>{fieldError('bindingCode')}</Text> : null}
      </View>

      <View className='field'>
        <View
          className={'consent' + (consent ? ' checked' : '') + (fieldError('consent') ? ' invalid' : '')}
          role='checkbox'
          aria-checked={consent}
          data-testid='consent'
          id='bind-consent'
          onClick={() => {
            setConsent(!consent);
            edit('consent');
          }}
        >
          <View className='checkbox'>{consent ? '✓' : ''}</View>
          <Text className='consent-text'>
            我同意为核对选民身份而处理我的姓名和身份证号码。{BIND_PURPOSE}
          </Text>
        </View>
        {fieldError('consent') ? <Text className='field-error'>{fieldError('consent')}</Text> : null}
      </View>

      {locked ? (
        <Text className='notice warn' data-testid='bind-locked'>
          填写错误次数太多，已暂时锁定。请在 {dateTime(lockedUntil!)} 以后再试，或找村选举委员会帮忙。
        </Text>
      ) : error && !hasFieldErrors ? (
        <Text className='notice error' data-testid='bind-error'>
          {error.message}
        </Text>
      ) : error ? (
        <Text className='notice error' data-testid='bind-error'>
          请按红字提示修改后再点绑定。
        </Text>
      ) : null}

      <Button className={'btn' + (pending || locked ? ' disabled' : '')} id='bind-submit' disabled={(pending || locked) || undefined} onClick={onSubmit}>
        {pending ? '正在绑定…' : '绑定'}
      </Button>
    </View>
  );
}
