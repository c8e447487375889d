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

/** One count of a queue's figures (待处理, 已处理, 超期 …). */
export function Figure({ n, label }: { n: number; label: string }) {
  return (
    <View className='figure'>
      <Text className='figure-num'>{n}</Text>
      <Text className='figure-label'>{label}</Text>
    </View>
  );
}

/** A key/value row of a queue item. */
export function Row({ k, v }: { k: string; v: string }) {
  return (
    <View className='row'>
      <Text className='row-key'>{k}</Text>
      <Text className='row-value'>{v}</Text>
    </View>
  );
}
