import { Input } from '@tarojs/components';
import type { IdNumberInputProps } from './id-number-input';

/** WeChat: the idcard keyboard (digits plus X). */
export default function IdNumberInput({ value, invalid, onChange }: IdNumberInputProps) {
  return (
    <Input
      className={'input' + (invalid ? ' invalid' : '')}
      placeholderClass='input-placeholder'
      id='bind-id-number'
      type='idcard'
      maxlength={18}
      value={value}
      placeholder='18位，最后一位可能是X'
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
