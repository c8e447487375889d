import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { FormError, TextField } from '../../../../components/form-fields';
import PageShell from '../../../../components/page-shell';
import TaskDone from '../../../../components/task-done';
import ProxyRelationPicker from '../../../../components/proxy-relation-picker';
import ProxySignature from '../../../../components/proxy-signature';
import ProxyVoterPicker from '../../../../components/proxy-voter-picker';
import type { SignatureInput } from '../../../../contracts/signature.schema';
import type { Relation } from '../../../../domain/relations';
import ProxySessionGate from '../../../../components/proxy-gate';
import { StateGate } from '../../../../components/state-views';
import { useMyProxies, useRequestProxy, type ProxyView } from '../../../../hooks/use-proxy';
import { dateTime } from '../../../../services/format';
import { showProxyStatus } from '../../../../services/proxy-nav';

/** 书面委托 (principal): the proxy, the relation, where I will be, my signature — then one finish screen. */
export default function ProxyRequestPage() {
  const mine = useMyProxies();
  const [filed, setFiled] = useState<ProxyView | null>(null);
  return (
    <PageShell>
      <ProxySessionGate>
        {() =>
          filed ? (
            <Filed a={filed} />
          ) : (
            <StateGate ready={!!mine.data} error={mine.error} onRetry={() => void mine.reload()} empty={cannotFile(mine.data, mine.current)}>
              {() => <RequestForm onFiled={setFiled} />}
            </StateGate>
          )
        }
      </ProxySessionGate>
    </PageShell>
  );
}

/** The form only while one may file: the window open and no authorization still in force. */
function cannotFile(data: ReturnType<typeof useMyProxies>['data'], current: ProxyView | null) {
  if (!data) return null;
  if (current) return { title: '您已经有一份委托', text: `您已请${current.proxy.name}代您投票。要换人，请先在“委托投票”页撤销这份委托，再重新办理。`, testId: 'proxy-active' };
  if (!data.allowed) return { title: '现在不能办理委托投票', text: '本次选举不实行委托投票，或已过截止时间。有疑问请问村选举委员会。', testId: 'proxy-closed' };
  return null;
}

function Filed({ a }: { a: ProxyView }) {
  return (
    <TaskDone backLabel='好的，返回'
      testId='request-finish'
      title='委托已提交'
      done={`请${a.proxy.name}（您的${a.relationLabel}）在选举日替您投票`}
      at={a.requestedAt}
      next={`等${a.proxy.name}在村选通里确认并签名，再由村选举委员会审核；批准后会发给委托投票证。都要在${dateTime(Date.parse(a.deadline) - 1)}前办完。`}
      onBack={showProxyStatus}
    />
  );
}

type Person = ProxyView['proxy'];

function RequestForm({ onFiled }: { onFiled: (a: ProxyView) => void }) {
  const call = useRequestProxy();
  const [proxy, setProxy] = useState<Person | null>(null);
  const [relation, setRelation] = useState<Relation | null>(null);
  const [awayPlace, setAwayPlace] = useState('');
  const [signature, setSignature] = useState<SignatureInput | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const fe = (f: string) => local[f] ?? call.error?.fields?.[f];

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!proxy) missing.proxyVoterId = '请先找到并选定受托人';
    if (!relation) missing.relation = '请选择受托人是您的什么人';
    if (!signature) missing.signature = '请先在框里签上您的名字';
    setLocal(missing);
    if (!proxy || !relation || !signature) return;
    const r = await call.run({ proxyVoterId: proxy.voterId, relation, awayPlace, signature });
    if (r) onFiled(r.authorization);
  };

  return (
    <View className='card' data-testid='request-form'>
      <Text className='card-title'>书面委托</Text>
      <Step n={1} title='找到受托人' />
      <ProxyVoterPicker picked={proxy} onPick={setProxy} />
      {fe('proxyVoterId') ? <Text className='field-error'>{fe('proxyVoterId')}</Text> : null}
      <Step n={2} title='你们是什么关系' />
      <ProxyRelationPicker value={relation} onChange={setRelation} error={fe('relation')} />
      <Step n={3} title='选举日您在哪里' />
      <TextField id='proxy-away' label='写到市或县' hint='例如“广东深圳”' value={awayPlace} onChange={setAwayPlace} error={fe('awayPlace')} placeholder='广东深圳' maxlength={40} />
      <Step n={4} title='本人签名' />
      <ProxySignature id='principal-sign' label='委托人签名：请在框里写上您的名字' value={signature} onChange={setSignature} error={fe('signature')} />
      <FormError error={call.error} testId='request-error' />
      <Button className='btn' id='proxy-submit' disabled={call.pending || undefined} onClick={() => void submit()}>
        {call.pending ? '正在提交…' : '签好了，提交委托'}
      </Button>
    </View>
  );
}

function Step({ n, title }: { n: number; title: string }) {
  return (
    <View className='steps-item'>
      <Text className='steps-num'>{n}</Text>
      <Text className='text strong'>{title}</Text>
    </View>
  );
}
