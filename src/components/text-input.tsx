import { Input, Textarea } from '@tarojs/components';

export interface TextInputProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  maxlength?: number;
  /** Red border: the field has an error. */
  invalid?: boolean;
}

/** What a one-line and a multi-line input share: the look, the placeholder, the typed value out. */
function controlProps({ id, value, onChange, placeholder, maxlength, invalid }: TextInputProps, className: 'input' | 'textarea') {
  return {
    className: className + (invalid ? ' invalid' : ''),
    placeholderClass: 'input-placeholder',
    id,
    maxlength,
    value,
    placeholder,
    onInput: (e: { detail: { value: string } }) => onChange(e.detail.value),
  };
}

/**
 * The bare one-line input under every labelled field and search box (large tap target from
 * `.input`); `type` 'idcard' is WeChat's ID-number keyboard (digits plus X).
 */
export default function TextInput({ type = 'text', maxlength = 20, ...props }: TextInputProps & { type?: 'text' | 'idcard' }) {
  return <Input {...controlProps({ ...props, maxlength }, 'input')} type={type} />;
}

/** The multi-line counterpart (TextAreaField). */
export function TextAreaInput({ maxlength = 300, ...props }: TextInputProps) {
  return <Textarea {...controlProps({ ...props, maxlength }, 'textarea')} />;
}
