import { Input } from '@tarojs/components';

export interface TextInputProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  maxlength?: number;
  /** Red border: the field has an error. */
  invalid?: boolean;
  /** WeChat's `idcard` keyboard for ID numbers (digits plus X); plain text elsewhere. */
  type?: 'text' | 'idcard';
}

/** The bare one-line input under every labelled field and search box (large tap target from `.input`). */
export default function TextInput({ id, value, onChange, placeholder, maxlength = 20, invalid = false, type = 'text' }: TextInputProps) {
  return (
    <Input
      className={'input' + (invalid ? ' invalid' : '')}
      placeholderClass='input-placeholder'
      id={id}
      type={type}
      maxlength={maxlength}
      value={value}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
