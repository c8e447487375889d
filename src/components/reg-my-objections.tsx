import { Text, View } from '@tarojs/components';
import type { ErrEnvelope, OutputOf, objection } from '../services/contracts';
import { civilDate, dateTime } from '../services/format';

type Item = OutputOf<typeof objection.myObjections>['objections'][number];

/**
 * 我的申诉: status, the committee's statutory last day, and its decision with the reason. `unbound`:
 * the caller is not bound yet (objected about themself), so an addition tells them how to bind.
 */
export default function RegMyObjections({ items, error, unbound = false }: { items: Item[] | null; error: ErrEnvelope | null; unbound?: boolean }) {
  return (
    <View className='card' data-testid='my-objections'>
      <Text className='card-title'>我的申诉</Text>
      {error ? <Text className='notice error'>{error.message}</Text> : null}
      {items && items.length === 0 ? <Text className='text muted'>您还没有提出过申诉。</Text> : null}
      {(items ?? []).map((o) => (
        <View className='todo-item' key={o.id} data-objection={o.id} data-status={o.status}>
          <Text className='text strong'>
            第{o.no}号 · {o.kindLabel}：{o.subject.name}（{o.subject.group}）
          </Text>
          <Text className='text small muted'>提出时间：{dateTime(o.filedAt)}</Text>
          <Text className={'badge ' + (o.status === 'open' ? 'warn' : o.status === 'upheld' ? 'ok' : 'plain')}>{o.statusLabel}</Text>
          {o.status === 'open' ? <Text className='text small'>选举委员会最迟在{civilDate(o.decisionLastDay)}答复。</Text> : null}
          {o.decision ? (
            <View className='decision' data-testid='decision'>
              <Text className='text strong'>处理结果：{o.decision.outcomeLabel}</Text>
              <Text className='text'>理由：{o.decision.reason}</Text>
              {o.decision.change ? <Text className='text small'>名单已更正：{o.decision.change.label}</Text> : null}
              {unbound && o.decision.change?.kind === 'addVoter' ? (
                <Text className='notice ok' data-testid='bind-hint'>
                  您已列入选民名单。请向村选举委员会要《选民登记告知书》上的绑定码，绑定以后就能在这里看到本人的登记。
                </Text>
              ) : null}
              <Text className='text small muted'>答复时间：{dateTime(o.decision.decidedAt)}{o.decision.late ? '（超过法定期限答复）' : ''}</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
