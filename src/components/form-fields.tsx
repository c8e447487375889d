import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useVillageGroups } from '../hooks/use-identity-actions';
import type { ErrEnvelope } from '../services/contracts';
import IdNumberInput from './id-number-input';
import TextInput, { TextAreaInput } from './text-input';

/** The field's error under it, in the server's Chinese (ErrEnvelope.fields). */
export function FieldError({ error }: { error: string | undefined }) {
  return error ? <Text className='field-error'>{error}</Text> : null;
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  placeholder: string;
  maxlength?: number;
}

/** A field's frame: its label, an optional hint, the control, and its error under it. */
export function FieldFrame({ label, hint, error, children }: { label: string; hint?: string; error: string | undefined; children: ReactNode }) {
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      {hint ? <Text className='field-hint'>{hint}</Text> : null}
      {children}
      <FieldError error={error} />
    </View>
  );
}

/** A labelled one-line text input with its error (large tap target from `.input`). */
export function TextField({ id, label, hint, value, onChange, error, placeholder, maxlength = 20 }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      <TextInput id={id} value={value} onChange={onChange} placeholder={placeholder} maxlength={maxlength} invalid={!!error} />
    </FieldFrame>
  );
}

/** A labelled multi-line text with its error. */
export function TextAreaField({ id, label, hint, value, onChange, error, placeholder, maxlength = 300 }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      <TextAreaInput id={id} value={value} onChange={onChange} placeholder={placeholder} maxlength={maxlength} invalid={!!error} />
    </FieldFrame>
  );
}

/** The ID number (the platform's own input: digit keyboard on WeChat) with its label and error. */
export function IdNumberField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error: string | undefined }) {
  return (
    // The hint wraps under the label; as a placeholder it was cut off in 关怀模式.
    <FieldFrame label={label} hint='共18位，最后一位可能是X' error={error}>
      <IdNumberInput value={value} invalid={!!error} onChange={onChange} />
    </FieldFrame>
  );
}

/** 单独同意 (PIPL): a tappable box with the purpose in words. */
export function ConsentField({ id, checked, onToggle, error: refused, text }: { id: string; checked: boolean; onToggle: () => void; error: string | undefined; text: string }) {
  // The only refusal of a consent is that it was not given: once ticked, it no longer applies.
  const error = checked ? undefined : refused;
  return (
    <View className='field'>
      <View className={'consent' + (checked ? ' checked' : '') + (error ? ' invalid' : '')} role='checkbox' aria-checked={checked} id={id} onClick={onToggle}>
        <View className='checkbox'>{checked ? '✓' : ''}</View>
        <Text className='consent-text'>{text}</Text>
      </View>
      <FieldError error={error} />
    </View>
  );
}

/** A refusal that names no field (field errors are shown under their fields). */
export function FormError({ error, testId }: { error: ErrEnvelope | null; testId: string }) {
  if (!error || (error.fields && Object.keys(error.fields).length)) return null;
  return (
    <Text className='notice error' data-testid={testId}>
      {error.message}
    </Text>
  );
}

/**
 * One of a short list (the village's 村民小组): large chips to tap, never free text, so what is
 * sent is always a value the server knows. `id` + '-' + index names each chip.
 */
export function ChoiceChipsField({ id, label, options, value, onChange, error }: { id: string; label: string; options: readonly string[]; value: string; onChange: (v: string) => void; error: string | undefined }) {
  return (
    <View className='field' id={id} data-testid={id}>
      <Text className='field-label'>{label}</Text>
      <View className='chips' role='radiogroup'>
        {options.map((o, i) => (
          <View key={o} className={'chip' + (o === value ? ' on' : '')} id={`${id}-${i}`} data-value={o} role='radio' aria-checked={o === value} onClick={() => onChange(o)}>
            <Text>{o}</Text>
          </View>
        ))}
      </View>
      <FieldError error={error} />
    </View>
  );
}

/**
 * The 村民小组, picked from the village's list; typed only when the village has none configured
 * (or the list could not be read). `groups` null: the list is still on its way.
 */
export function GroupField({ id, label, groups, value, onChange, error }: { id: string; label: string; groups: readonly string[] | null; value: string; onChange: (v: string) => void; error: string | undefined }) {
  if (groups === null) {
    return (
      <FieldFrame label={label} error={error}>
        <Text className='text muted' id={id + '-loading'}>正在读取本村的村民小组…</Text>
      </FieldFrame>
    );
  }
  return groups.length ? (
    <ChoiceChipsField id={id} label={label} options={groups} value={value} onChange={onChange} error={error} />
  ) : (
    <TextField id={id} label={label} value={value} onChange={onChange} error={error} placeholder='例如 第三村民小组' />
  );
}

/**
 * What a person not yet bound says about themself (申请登记, the self-申诉): name, ID number, the
 * 村民小组 picked from the village's list (of the election the QR code names) and the consent.
 */
export function useSelfIdentityState(electionId: string | null) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [group, setGroup] = useState('');
  const [consent, setConsent] = useState(false);
  const groups = useVillageGroups(electionId);
  return { name, setName, idNumber, setIdNumber, group, setGroup, consent, toggleConsent: () => setConsent((c) => !c), groups };
}
