import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useVoterListSearch } from '../hooks/use-voter-list-search';
import TextInput from './text-input';

/**
 * 找我的名字 on the 选民名单公告: a long list (2,000 names, 21 pages) is searched by name —
 * the reader's own name is filled in — and each hit says its 序号 and page, with a button that
 * opens that page of the list.
 */
export default function VoterListFinder({ ownName, pageSize, onPage }: { ownName: string | null; pageSize: number; onPage: (page: number, no: number) => void }) {
  const { search, loading, message, results } = useVoterListSearch();
  const [name, setName] = useState(ownName ?? '');
  const [searched, setSearched] = useState(false);
  const run = () => {
    setSearched(true);
    void search(name);
  };
  return (
    <View className='card' data-testid='voter-list-finder'>
      <Text className='card-title'>在名单上找名字</Text>
      <Text className='text'>{ownName ? '已经填好您的名字，点“找”就能看到您在第几页。' : '填姓名（可以只填一部分），点“找”。'}</Text>
      <View className='field'>
        <TextInput id='finder-name' value={name} onChange={setName} placeholder='姓名' />
      </View>
      <Button className={'btn' + (loading ? ' disabled' : '')} id='finder-search' disabled={loading || undefined} onClick={run}>
        {loading ? '正在找…' : '找'}
      </Button>
      {searched && message ? (
        <Text className='notice warn' data-testid='finder-message'>
          {message}
        </Text>
      ) : null}
      {results.map((r) => {
        const page = Math.max(1, Math.ceil(r.no / pageSize));
        return (
          <View className='todo-item' key={r.no} data-testid='finder-hit' data-no={r.no}>
            <Text className='text strong'>
              序号{r.no}：{r.name}（{r.group}），在第{page}页
            </Text>
            <Button className='btn secondary' id={`finder-page-${r.no}`} onClick={() => onPage(page, r.no)}>
              看第{page}页
            </Button>
          </View>
        );
      })}
    </View>
  );
}
