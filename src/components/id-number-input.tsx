import { ID_NUMBER_KEYBOARD } from './id-number-keyboard';
import TextInput from './text-input';

export interface IdNumberInputProps {
  value: string;
  invalid: boolean;
  onChange: (v: string) => void;
}

/** The ID number's input, on the platform's keyboard (id-number-keyboard.ts). */
export default function IdNumberInput({ value, invalid, onChange }: IdNumberInputProps) {
  return <TextInput id='bind-id-number' type={ID_NUMBER_KEYBOARD} maxlength={18} value={value} invalid={invalid} placeholder='在这里输入' onChange={onChange} />;
}
