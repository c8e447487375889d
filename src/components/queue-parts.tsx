import { Text, View } from '@tarojs/components';

/**
 * A queue's filter bar (the committee's objections and proxies): one chip per filter, '' for
 * all; each chip carries `data-filter` (`all` for '') for the tests.
 */
export function FilterChips<K extends string>({ filters, value, onChange }: { filters: ReadonlyArray<readonly [K, string]>; value: K; onChange: (k: K) => void }) {
  return (
    <View className='chips' style={{ marginTop: '12px' }}>
      {filters.map(([k, label]) => (
        <View key={k || 'all'} className={'chip' + (value === k ? ' on' : '')} data-filter={k || 'all'} onClick={() => onChange(k)}>
          {label}
        </View>
      ))}
    </View>
  );
}

/** Two texts in a box: a figure's number over its label, a row's key beside its value. */
function TextPair({ box, first, second }: { box: string; first: readonly [string, string | number]; second: readonly [string, string] }) {
  return (
    <View className={box}>
      <Text className={first[0]}>{first[1]}</Text>
      <Text className={second[0]}>{second[1]}</Text>
    </View>
  );
}

/** One count of a queue's figures (待处理, 已处理, 超期 …). */
export const Figure = ({ n, label }: { n: number; label: string }) => <TextPair box='figure' first={['figure-num', n]} second={['figure-label', label]} />;

/** A key/value row of a queue item. */
export const Row = ({ k, v }: { k: string; v: string }) => <TextPair box='row' first={['row-key', k]} second={['row-value', v]} />;
