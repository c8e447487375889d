import { Text, View } from '@tarojs/components';
import type { SignatureInput } from '../contracts/signature.schema';
import { FieldError } from './form-fields';

/**
 * The handwritten signature of a proxy form. The pad itself is the nominations' shared component
 * (branch nomui); this wrapper gives the proxy pages one label and error placement.
 * TEMPORARY until that pad is merged: it renders the label and the error only.
 */
export default function ProxySignature({ label, error }: { label: string; value: SignatureInput | null; onChange: (s: SignatureInput | null) => void; error: string | undefined }) {
  return (
    <View className='field' data-testid='signature-field'>
      <Text className='field-label'>{label}</Text>
      <Text className='field-hint'>用手指在框里写上您的名字。</Text>
      <FieldError error={error} />
    </View>
  );
}
