import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useSearchVoters, type ProxyView } from '../hooks/use-proxy';
import { FormError, TextField } from './form-fields';
import { personText } from './proxy-parts';

type Person = ProxyView['proxy'];

/** Find the proxy among the village's registered voters by name; pick one row. */
export default function ProxyVoterPicker({ picked, onPick }: { picked: Person | null; onPick: (p: Person | null) => void }) {
  const search = useSearchVoters();
  const [name, setName] = useState('');
  const [results, setResults] = useState<Person[] | null>(null);
  const [more, setMore] = useState(false);

  const find = async () => {
    const r = await search.run({ name });
    if (r) {
      setResults(r.results);
      setMore(r.more);
    }
  };

  if (picked) {
    return (
      <View className='field' data-testid='proxy-picked'>
        <Text className='field-label'>受托人</Text>
        <Text className='text strong'>{personText(picked)}</Text>
        <Button className='btn plain' id='proxy-repick' onClick={() => onPick(null)}>
          换一个人
        </Button>
      </View>
    );
  }
  return (
    <View data-testid='proxy-search'>
      <TextField id='proxy-search-name' label='受托人的姓名' hint='必须是本村登记的选民' value={name} onChange={setName} error={search.error?.fields?.name} placeholder='例如 李志刚' />
      <Button className='btn secondary' id='proxy-search-go' disabled={search.pending || undefined} onClick={() => void find()}>
        {search.pending ? '正在查找…' : '查找'}
      </Button>
      <FormError error={search.error} testId='proxy-search-error' />
      {results && results.length === 0 ? <Text className='notice warn'>没有找到叫“{name.trim()}”的本村选民。请核对名字，或问村选举委员会。</Text> : null}
      {(results ?? []).map((p) => (
        <View key={p.voterId} className='choice' id={`pick-${p.voterId}`} data-voter={p.voterId} onClick={() => onPick(p)}>
          <Text className='choice-body text'>{personText(p)}</Text>
        </View>
      ))}
      {more ? <Text className='text small muted'>同名的人较多，只显示了一部分。请确认小组和出生年份。</Text> : null}
    </View>
  );
}
