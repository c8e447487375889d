import { Picker, Text, View } from '@tarojs/components';
import { civilDate } from '../services/format';
import { FieldError, FieldFrame } from './form-fields';

/** A labelled row of choice chips (one of a few options, each a large tap target). */
export function ChipsField<T extends string>({
  id,
  label,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  options: ReadonlyArray<readonly [T, string]>;
  value: T;
  onChange: (v: T) => void;
  error?: string | undefined;
}) {
  return (
    <View className='field' id={id}>
      <Text className='field-label'>{label}</Text>
      <View className='chips' role='radiogroup' aria-label={label}>
        {options.map(([v, text]) => (
          <View key={v || 'all'} className={'chip' + (value === v ? ' on' : '')} role='radio' aria-checked={value === v} id={`${id}-${v || 'all'}`} data-value={v || 'all'} onClick={() => onChange(v)}>
            {text}
          </View>
        ))}
      </View>
      <FieldError error={error} />
    </View>
  );
}

/**
 * A civil date picked, never typed (YYYY-MM-DD underneath, shown as 5月10日 星期日). `start`/`end`
 * bound the picker; the server re-checks the date against the rule it serves.
 */
export function DateField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  start,
  end,
  placeholder = '点这里选择日期',
  weekday = true,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  start?: string;
  end?: string;
  placeholder?: string;
  /** Show the weekday after the date (not for a past date such as when someone moved in). */
  weekday?: boolean;
}) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      <Picker mode='date' value={value || end || start || ''} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={'input picker' + (error ? ' invalid' : '')} id={id} data-value={value}>
          <Text className={value ? '' : 'input-placeholder'}>{value ? civilDate(value, true, weekday) : placeholder}</Text>
        </View>
      </Picker>
    </FieldFrame>
  );
}

/** One of a list (a village group, a status), through the platform's selector. */
export function SelectField({ id, label, options, value, onChange }: { id: string; label: string; options: ReadonlyArray<readonly [string, string]>; value: string; onChange: (v: string) => void }) {
  const index = Math.max(
    0,
    options.findIndex(([v]) => v === value),
  );
  return (
    <FieldFrame label={label} error={undefined}>
      <Picker mode='selector' range={options.map(([, l]) => l)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]?.[0] ?? '')}>
        <View className='input picker' id={id}>
          <Text>{options[index]?.[1] ?? ''}</Text>
        </View>
      </Picker>
    </FieldFrame>
  );
}

/** A time of day (HH:MM, 24-hour Beijing time) picked, never typed. */
// Time boxes sit two to a row: “点这里选择，例如 08:00” ran out of its box in 关怀模式 and over the labels.
export function TimeField({ id, label, value, onChange, disabled, placeholder }: { id: string; label: string; value: string; onChange: (v: string) => void; disabled?: boolean; placeholder: string }) {
  return (
    <FieldFrame label={label} error={undefined}>
      <Picker mode='time' value={value || placeholder} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='input picker' id={id} data-value={value}>
          <Text className={value ? '' : 'input-placeholder'}>{value || `例如 ${placeholder}`}</Text>
        </View>
      </Picker>
    </FieldFrame>
  );
}
