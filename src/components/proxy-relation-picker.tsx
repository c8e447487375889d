import { Text, View } from '@tarojs/components';
import { isInLaw, RELATION_LABELS, RELATIONS, type Relation } from '../domain/relations';
import { FieldError } from './form-fields';

const NEAR = RELATIONS.filter((r) => !isInLaw(r));
const IN_LAWS = RELATIONS.filter(isInLaw);

/**
 * 受托人是您的什么人. Near relatives first (民法典 Art. 1045); in-laws apart, because only some
 * provinces' rules allow them — the server refuses them elsewhere and its reason is shown.
 */
export default function ProxyRelationPicker({ value, onChange, error }: { value: Relation | null; onChange: (r: Relation) => void; error: string | undefined }) {
  const chip = (r: Relation) => (
    <View key={r} className={'chip' + (value === r ? ' on' : '')} id={`relation-${r}`} onClick={() => onChange(r)}>
      {RELATION_LABELS[r]}
    </View>
  );
  return (
    <View className='field' data-testid='relation-picker'>
      <Text className='field-label'>受托人是您的什么人</Text>
      <View className='chips'>{NEAR.map(chip)}</View>
      <Text className='field-hint'>以下亲戚只有本地选举办法允许时才可以：</Text>
      <View className='chips'>{IN_LAWS.map(chip)}</View>
      <FieldError error={error} />
    </View>
  );
}
