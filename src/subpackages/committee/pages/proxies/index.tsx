import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { Figure, FilterChips } from '../../../../components/queue-parts';
import { FormError } from '../../../../components/form-fields';
import { StateGate } from '../../../../components/state-views';
import type { ErrEnvelope } from '../../../../services/contracts';
import ProxyQueueItem from '../../../../components/proxy-queue-item';
import type { ElectionView } from '../../../../hooks/session-store';
import { usePublishProxyList, useProxyQueue, type QueueFilter } from '../../../../hooks/use-proxy-committee';
import { beijingDay, civilDate, dateTime } from '../../../../services/format';
import { openCommitteePage } from '../../../../services/committee-nav';
import { toast } from '../../../../services/navigation';
import IrreversibleDialog from '../../../../components/irreversible-dialog';
import { proxyListStep } from '../../../../hooks/committee-steps';
import { serverNow } from '../../../../hooks/use-countdown';
import { useIrreversibleStep } from '../../../../hooks/use-irreversible-step';

const FILTERS: Array<[QueueFilter, string]> = [
  ['accepted', '待审核'],
  ['requested', '待受托人确认'],
  ['approved', '已批准'],
  ['rejected', '已驳回'],
  ['', '全部'],
];

/** 委托投票审核: figures, the queue, publishing the list. */
export default function ProxiesPage() {
  return <CommitteeGate>{({ electionId, election, clockOffsetMs }) => <Queue electionId={electionId} election={election} today={beijingDay(serverNow(clockOffsetMs))} />}</CommitteeGate>;
}

function Queue({ electionId, election, today }: { electionId: string; election: ElectionView; today: string }) {
  const [filter, setFilter] = useState<QueueFilter>('accepted');
  const list = useProxyQueue(electionId, filter);
  return (
    <View>
      {/* The queue behind the one page-state gate; the publishing card does not need it. */}
      <StateGate ready={!!list.data} error={list.error} onRetry={() => void list.reload()}>
        {() => <QueueView data={list.data!} error={list.error} filter={filter} onFilter={setFilter} electionId={electionId} onDecided={() => void list.reload()} />}
      </StateGate>
      <PublishCard electionId={electionId} election={election} today={today} onPublished={() => void list.reload()} />
      <Button className='btn secondary' id='go-check-in' onClick={() => openCommitteePage('checkIn')}>
        选举日登记（本人到场、受托人代领）
      </Button>
    </View>
  );
}

type QueueData = NonNullable<ReturnType<typeof useProxyQueue>['data']>;

function QueueView(p: { data: QueueData; error: ErrEnvelope | null; filter: QueueFilter; onFilter: (f: QueueFilter) => void; electionId: string; onDecided: () => void }) {
  const f = p.data.figures;
  return (
    <View>
      <View className='card' data-testid='proxy-figures'>
        <Text className='card-title'>委托投票</Text>
        <View className='figures'>
          <Figure n={f.principals} label='委托人' />
          <Figure n={f.proxies} label='受托人' />
          <Figure n={f.approved} label='已批准' />
          <Figure n={f.rejected} label='已驳回' />
          <Figure n={f.revoked} label='已撤销' />
          <Figure n={f.used} label='选举日已使用' />
        </View>
        {Object.keys(f.rejectedByReason).length ? (
          <View className='rows' data-testid='rejected-by-reason'>
            {Object.entries(f.rejectedByReason).map(([reason, n]) => (
              <View className='row' key={reason}>
                <Text className='row-key'>{reason}</Text>
                <Text className='row-value'>{n}件</Text>
              </View>
            ))}
          </View>
        ) : null}
        <FilterChips filters={FILTERS} value={p.filter} onChange={p.onFilter} />
      </View>
      {/* A later reload that failed: the last reply stays, with the reason above it. */}
      {p.error ? <Text className='notice error'>{p.error.message}</Text> : null}
      {p.data.items.length === 0 ? <Text className='notice ok'>没有这类委托。</Text> : null}
      {p.data.items.map((item) => (
        <ProxyQueueItem key={item.id} electionId={p.electionId} item={item} onDecided={p.onDecided} />
      ))}
    </View>
  );
}

/** 公布委托投票名单: irreversible, so the dialog says what it would leave out and the statutory date. */
function PublishCard({ electionId, election, today, onPublished }: { electionId: string; election: ElectionView; today: string; onPublished: () => void }) {
  const call = usePublishProxyList();
  const step = useIrreversibleStep();
  const [done, setDone] = useState<{ at: string; rows: number } | null>(null);
  const day = civilDate(election.electionDay, true, false);
  const publish = async () => {
    if (!(await step.ask(proxyListStep(electionId, election)))) return;
    const r = await call.run({ electionId });
    if (r) {
      setDone({ at: r.publishedAt, rows: r.rows.length });
      toast('已公布', 'success');
      onPublished();
    }
  };
  return (
    <View className='card' data-testid='proxy-publish'>
      <IrreversibleDialog api={step} today={today} />
      <Text className='card-title'>公布委托投票名单</Text>
      <Text className='text small'>名单只有姓名和小组，要在选举日（{day}）前公布。</Text>
      {done ? (
        <Text className='notice ok' data-testid='proxy-published'>
          已于{dateTime(done.at)}公布，共{done.rows}对委托。
        </Text>
      ) : null}
      <FormError error={call.error} testId='publish-proxy-error' />
      <Button className='btn' id='proxy-publish' disabled={call.pending || undefined} onClick={() => void publish()}>
        {call.pending ? '正在公布…' : '公布名单'}
      </Button>
    </View>
  );
}
