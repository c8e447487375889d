import { Text, View } from '@tarojs/components';
import type { SignatureInput } from '../contracts/signature.schema';
import { FieldError } from './form-fields';
import SignaturePad from './signature-pad';

/**
 * The handwritten signature of a proxy form: the shared SignaturePad (nominations use the same),
 * with the form's error under it and a plain 已签好 once 写好了 was tapped.
 */
export default function ProxySignature({ id, label, value, onChange, error }: { id: string; label: string; value: SignatureInput | null; onChange: (s: SignatureInput | null) => void; error: string | undefined }) {
  return (
    <View className='field' data-testid='signature-field' data-signed={value ? 'yes' : 'no'}>
      <SignaturePad id={id} label={label} onConfirm={onChange} onClear={() => onChange(null)} />
      {value ? <Text className='notice ok'>✓ 已签好。要重写，点“清除”。</Text> : null}
      <FieldError error={error} />
    </View>
  );
}
