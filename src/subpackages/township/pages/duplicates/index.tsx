import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import TownshipGate from '../../../../components/township-gate';
import { useActionData } from '../../../../hooks/use-action';
import type { OutputOf } from '../../../../services/contracts';
import * as township from '../../../../contracts/township.contract';
import { civilDate, dateTime } from '../../../../services/format';
import { DUPLICATE_SOURCE_LABELS } from '../../../../contracts/labels';

type Row = OutputOf<typeof township.duplicates>['rows'][number];

/**
 * 重复登记: people a village could not register because another village holds their registration
 * (不重登, one registration per person across the township). No digit of an ID number (RULES.md §7).
 */
export default function DuplicatesPage() {
  return <TownshipGate>{({ loadedAt }) => <Duplicates reloadKey={String(loadedAt)} />}</TownshipGate>;
}

function Duplicates({ reloadKey }: { reloadKey: string }) {
  const [includeResolved, setIncludeResolved] = useState(false);
  const list = useActionData(township.duplicates, { includeResolved }, `${reloadKey}:${includeResolved}`);
  const d = list.data;
  return (
    <View>
      <View className='card' data-testid='duplicates-help'>
        <Text className='card-title'>重复登记</Text>
        <Text className='text'>一个人在全乡镇只能在一个村（社区）登记为选民。下面这些人，一个村要给他们登记，但他们已经在另一个村登记了。</Text>
        <Text className='text small muted'>
          请两个村核实此人的户籍和居住情况。确实人户分离、要在另一个村参加选举的，由已登记的村在选民名册上“释放登记”，另一个村再导入或审批。
        </Text>
        <View className='chips'>
          <View className={'chip' + (!includeResolved ? ' on' : '')} id='dups-open' onClick={() => setIncludeResolved(false)}>
            还没解决的
          </View>
          <View className={'chip' + (includeResolved ? ' on' : '')} id='dups-all' onClick={() => setIncludeResolved(true)}>
            全部（含已解决）
          </View>
        </View>
      </View>

      <View className='card' id='duplicates' data-testid='duplicates'>
        <Text className='card-title'>{d ? `共${d.total}人` : '重复登记'}</Text>
        {list.error ? <Text className='notice error'>{list.error.message}</Text> : null}
        {list.loading && !d ? <Text className='text muted'>正在加载…</Text> : null}
        {d && d.rows.length === 0 ? <Text className='notice ok'>没有重复登记的人。</Text> : null}
        {(d?.rows ?? []).map((r) => (
          <DuplicateItem key={r.id} r={r} />
        ))}
      </View>
    </View>
  );
}

function DuplicateItem({ r }: { r: Row }) {
  const where = r.source === 'import' ? `导入名册${r.fileName ? `《${r.fileName}》` : ''}${r.row !== null ? `第${r.row}行` : ''}` : DUPLICATE_SOURCE_LABELS[r.source];
  return (
    <View className='todo-item' data-duplicate={r.id} data-resolved={r.resolvedAt ? 'yes' : 'no'}>
      <Text className='text strong'>
        {r.name}{r.birthDate ? ` · ${civilDate(r.birthDate, true, false)}出生` : ''}
      </Text>
      <Text className='text'>
        {r.village.name}不能登记：已在<Text className='strong'>{r.registeredIn.name}</Text>登记
      </Text>
      <Text className='text small'>来源：{where}</Text>
      <Text className='text small muted'>
        第一次{dateTime(r.firstAt)}，最近一次{dateTime(r.lastAt)}，共{r.attempts}次
      </Text>
      {r.resolvedAt ? <Text className='badge ok'>已于{dateTime(r.resolvedAt)}解决</Text> : <Text className='badge warn'>还没解决</Text>}
    </View>
  );
}
