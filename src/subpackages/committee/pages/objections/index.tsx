import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { Figure, FilterChips, Row } from '../../../../components/queue-parts';
import ObjectionDecideForm from '../../../../components/objection-decide-form';
import { useActionData } from '../../../../hooks/use-action';
import * as objectionCommittee from '../../../../contracts/objection-committee.contract';
import type { InputOf } from '../../../../services/contracts';
import { civilDate, dateTime } from '../../../../services/format';

type Filter = NonNullable<InputOf<typeof objectionCommittee.listObjections>['status']> | '';

const FIELD_LABELS: Record<string, string> = { name: '姓名', group: '村民小组', idNumber: '身份证号码', category: '登记类别', status: '登记状态', other: '其他' };
const FILTERS: Array<[Filter, string]> = [
  ['open', '待处理'],
  ['overdue', '超期'],
  ['decided', '已处理'],
  ['', '全部'],
];

/** 申诉处理: the queue with each statutory clock; decide in writing. */
export default function ObjectionsPage() {
  return <CommitteeGate>{({ electionId }) => <Queue electionId={electionId} />}</CommitteeGate>;
}

function Queue({ electionId }: { electionId: string }) {
  const [filter, setFilter] = useState<Filter>('open');
  const input = { electionId, ...(filter ? { status: filter } : {}) };
  const list = useActionData(objectionCommittee.listObjections, input, JSON.stringify(input));
  const [open, setOpen] = useState<string | null>(null);
  const f = list.data?.figures;
  return (
    <View>
      <View className='card' data-testid='objection-figures'>
        <Text className='card-title'>申诉处理</Text>
        <Text className='text small muted'>选举委员会要在法定期限内书面答复每一件申诉；超期的会一直显示给乡镇。</Text>
        {f ? (
          <View className='figures'>
            <Figure n={f.open} label='待处理' />
            <Figure n={f.decided} label='已处理' />
            <Figure n={f.overdue} label='超期' />
          </View>
        ) : null}
        <FilterChips filters={FILTERS} value={filter} onChange={setFilter} />
      </View>
      {list.error ? <Text className='notice error'>{list.error.message}</Text> : null}
      {list.data && list.data.objections.length === 0 ? (
        <View className='card'>
          <Text className='text muted'>没有这类申诉。</Text>
        </View>
      ) : null}
      {(list.data?.objections ?? []).map((o) => (
        <View className='card' key={o.id} data-objection={o.id} data-status={o.status}>
          <Text className='card-title'>
            第{o.no}号 · {o.kindLabel}
          </Text>
          <Text className={'badge ' + (o.clock.overdue ? 'danger' : o.status !== 'open' ? 'ok' : o.clock.daysLeft <= 1 ? 'warn' : 'plain')} data-testid='clock'>
            {o.clock.label}
          </Text>
          <View className='rows'>
            <Row k='涉及' v={`${o.subject.name}（${o.subject.group}）`} />
            <Row k='提出人' v={`${o.objector.name}（${o.objector.group}）`} />
            {o.subject.entry ? <Row k='现在的登记' v={`${o.subject.entry.statusLabel} · ${o.subject.entry.category}类`} /> : null}
            <Row k='收到' v={dateTime(o.filedAt)} />
            <Row k='最迟答复' v={civilDate(o.decisionLastDay)} />
          </View>
          {o.byPerson ? (
            <Text className='text small' data-testid='by-person'>
              {o.objector.selfIdentified ? '申诉人就是本人，还不在本村选民登记里。' : '申诉人就是本人。'}
            </Text>
          ) : null}
          {o.wrongFields.length ? <Text className='text small'>有误的项：{o.wrongFields.map((w) => FIELD_LABELS[w] ?? w).join('、')}</Text> : null}
          <Text className='text'>理由：{o.details}</Text>
          {o.decision ? (
            <View className='decision'>
              <Text className='text strong'>处理结果：{o.decision.outcomeLabel}</Text>
              <Text className='text'>理由：{o.decision.reason}</Text>
              {o.decision.change ? <Text className='text small'>名单更正：{o.decision.change.label}</Text> : null}
              <Text className='text small muted'>
                {dateTime(o.decision.decidedAt)}
                {o.decision.late ? '（超期处理）' : ''}
              </Text>
            </View>
          ) : open === o.id ? (
            <ObjectionDecideForm
              electionId={electionId}
              item={o}
              onDone={() => {
                setOpen(null);
                void list.reload();
              }}
            />
          ) : (
            <Button className='btn' data-action='decide' onClick={() => setOpen(o.id)}>
              处理这件申诉
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
