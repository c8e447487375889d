import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useBind, type BindOutput } from '../hooks/use-identity-actions';
import { dateTime } from '../services/format';
import type { ErrEnvelope } from '../services/contracts';
import DemoFill from './demo-fill';
import { ConsentField, IdNumberField, TextField } from './form-fields';
import { BIND_PURPOSE } from './privacy-text';

type Field = 'name' | 'idNumber' | 'bindingCode' | 'consent';

interface BindFormProps {
  lockedUntil: string | null;
  nowMs: number;
  /** The binding is made: the page shows its finish box. */
  onBound: (out: BindOutput) => void;
}

/** The form's values, which field was edited since the last refusal, and the submit. */
function useBindFormState({ lockedUntil, nowMs, onBound }: BindFormProps) {
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
  const change = (f: Field, set: (v: string) => void) => (v: string) => {
    set(v);
    edit(f);
  };
  const onSubmit = async () => {
    // A disabled button may still deliver a tap on some clients; never double-submit.
    if (pending || locked) return;
    setTouched({});
    const out = await submit({ name, idNumber, bindingCode, consent: consent as true });
    if (out) onBound(out);
  };
  const fill = (v: { name: string; idNumber: string; bindingCode: string }) => {
    setName(v.name);
    setIdNumber(v.idNumber);
    setBindingCode(v.bindingCode);
    setTouched({ name: true, idNumber: true, bindingCode: true });
    clearError();
  };
  const toggleConsent = () => {
    setConsent(!consent);
    edit('consent');
  };
  return { values: { name, idNumber, bindingCode, consent }, setName, setIdNumber, setBindingCode, change, fieldError, toggleConsent, fill, onSubmit, pending, error, locked };
}

/** 绑定选民身份: the fields of the 选民登记告知书, on the shared form fields. */
export default function BindForm(props: BindFormProps) {
  const s = useBindFormState(props);
  const { values: v } = s;
  return (
    <View className='card' data-testid='bind-form'>
      <Text className='card-title'>绑定选民身份</Text>
      <Text className='text muted'>请对照村选举委员会发给您的《选民登记告知书》填写。</Text>
      <View className='spacer' />
      <DemoFill onFill={s.fill} />
      <TextField id='bind-name' label='姓名' value={v.name} onChange={s.change('name', s.setName)} error={s.fieldError('name')} placeholder='和身份证上一样' />
      <IdNumberField label='身份证号码' value={v.idNumber} onChange={s.change('idNumber', s.setIdNumber)} error={s.fieldError('idNumber')} />
      <TextField
        id='bind-code'
        label='绑定码'
        hint='在《选民登记告知书》上，是8位字母和数字'
        value={v.bindingCode}
        onChange={s.change('bindingCode', (x) => s.setBindingCode(x.toUpperCase()))}
        error={s.fieldError('bindingCode')}
        placeholder='例如 K7PM3QXA'
        maxlength={12}
      />
      <ConsentField id='bind-consent' checked={v.consent} onToggle={s.toggleConsent} error={s.fieldError('consent')} text={`我同意为核对选民身份而处理我的姓名和身份证号码。${BIND_PURPOSE}`} />
      <BindStatusNote locked={s.locked} lockedUntil={props.lockedUntil} error={s.error} />
      <Button className={'btn' + (s.pending || s.locked ? ' disabled' : '')} id='bind-submit' disabled={s.pending || s.locked || undefined} onClick={s.onSubmit}>
        {s.pending ? '正在绑定…' : '绑定'}
      </Button>
    </View>
  );
}

/** Above the button: the lock and until when, or the refusal (field errors stand under their fields). */
function BindStatusNote({ locked, lockedUntil, error }: { locked: boolean; lockedUntil: string | null; error: ErrEnvelope | null }) {
  if (locked) {
    return (
      <Text className='notice warn' data-testid='bind-locked'>
        填写错误次数太多，已暂时锁定。请在 {dateTime(lockedUntil!)} 以后再试，或找村选举委员会帮忙。
      </Text>
    );
  }
  if (!error) return null;
  const hasFieldErrors = !!error.fields && Object.keys(error.fields).length > 0;
  return (
    <Text className='notice error' data-testid='bind-error'>
      {hasFieldErrors ? '请按红字提示修改后再点绑定。' : error.message}
    </Text>
  );
}
