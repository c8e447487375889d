import { Input } from '@tarojs/components';

export interface IdNumberInputProps {
  value: string;
  invalid: boolean;
  onChange: (v: string) => void;
}

/** Browser build: plain text (an 18-digit number may end in X). */
export default function IdNumberInput({ value, invalid, onChange }: IdNumberInputProps) {
  return (
    <Input
      className={'input' + (invalid ? ' invalid' : '')}
      placeholderClass='input-placeholder'
      id='bind-id-number'
      type='text'
      maxlength={18}
      value={value}
      placeholder='18位，最后一位可能是X'
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
