import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { FormError, TextAreaField } from '../../../../components/form-fields';
import PageShell from '../../../../components/page-shell';
import TaskDone from '../../../../components/task-done';
import { ProxyStatusLine, Row, personText } from '../../../../components/proxy-parts';
import ProxySignature from '../../../../components/proxy-signature';
import ProxySessionGate from '../../../../components/proxy-gate';
import { StateGate } from '../../../../components/state-views';
import type { SignatureInput } from '../../../../contracts/signature.schema';
import { useIncomingProxies, useRespondProxy, type ProxyView } from '../../../../hooks/use-proxy';
import { dateTime } from '../../../../services/format';
import { leaveProxyPage } from '../../../../services/proxy-nav';

type Answered = { a: ProxyView; accepted: boolean };

/** 受托人: requests to vote for someone, how many I hold of the maximum, accept (signed) or decline. */
export default function ProxyIncomingPage() {
  const incoming = useIncomingProxies();
  const [answered, setAnswered] = useState<Answered | null>(null);
  const back = () => {
    setAnswered(null);
    void incoming.reload();
  };
  return (
    <PageShell>
      <ProxySessionGate>
        {() =>
          answered ? (
            <Answered answered={answered} onBack={back} />
          ) : (
            <StateGate ready={!!incoming.data} error={incoming.error} onRetry={() => void incoming.reload()}>
              {() => <Incoming data={incoming.data!} onAnswered={(a, accepted) => setAnswered({ a, accepted })} />}
            </StateGate>
          )
        }
      </ProxySessionGate>
    </PageShell>
  );
}

type IncomingData = NonNullable<ReturnType<typeof useIncomingProxies>['data']>;

function Incoming({ data, onAnswered }: { data: IncomingData; onAnswered: (a: ProxyView, accepted: boolean) => void }) {
  const { requests, holds, max } = data;
  const open = requests.filter((r) => r.status === 'requested');
  const others = requests.filter((r) => r.status !== 'requested');
  return (
    <View>
      <View className='card' data-testid='proxy-holds'>
        <Text className='card-title'>别人请我代他投票</Text>
        <Text className='text strong'>
          您已接受{holds}人的委托，最多可以接受{max}人。
        </Text>
        <Text className='text small'>只有近亲属才能委托您投票。接受要签名；不愿意可以拒绝，对方可以另请别人。</Text>
      </View>
      {open.length === 0 ? <Text className='notice ok'>现在没有等您答复的委托。</Text> : null}
      {open.map((a) => (
        <Request key={a.id} a={a} full={holds >= max} onAnswered={onAnswered} />
      ))}
      {others.map((a) => (
        <View className='card' key={a.id} data-request={a.id} data-status={a.status}>
          <Text className='text strong'>{personText(a.principal)}</Text>
          <ProxyStatusLine a={a} />
        </View>
      ))}
      <Button className='btn plain' onClick={leaveProxyPage}>
        返回
      </Button>
    </View>
  );
}

function Answered({ answered, onBack }: { answered: Answered; onBack: () => void }) {
  const { a, accepted } = answered;
  return accepted ? (
    <TaskDone backLabel='好的，返回'
      testId='respond-finish'
      title='您已接受委托'
      done={`接受了${a.principal.name}的委托，选举日替他投票`}
      at={a.answeredAt ?? a.requestedAt}
      next='村选举委员会审核后发给委托投票证。选举日请带上您的身份证，到投票站出示委托投票证，代他领一张选票。'
      onBack={onBack}
    />
  ) : (
    <TaskDone backLabel='好的，返回'
      testId='respond-finish'
      title='您已拒绝委托'
      done={`没有接受${a.principal.name}的委托`}
      at={a.answeredAt ?? a.requestedAt}
      next={`我们会告诉${a.principal.name}，他可以在截止前另请别人。`}
      onBack={onBack}
    />
  );
}

function Request({ a, full, onAnswered }: { a: ProxyView; full: boolean; onAnswered: (a: ProxyView, accepted: boolean) => void }) {
  const call = useRespondProxy();
  const [mode, setMode] = useState<'accept' | 'decline' | null>(null);
  const [signature, setSignature] = useState<SignatureInput | null>(null);
  const [reason, setReason] = useState('');
  const [sigError, setSigError] = useState<string | undefined>(undefined);

  const answer = async (accept: boolean) => {
    if (accept && !signature) return setSigError('接受委托需要您本人签名');
    setSigError(undefined);
    const r = await call.run(accept ? { id: a.id, accept, signature: signature! } : { id: a.id, accept, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if (r) onAnswered(r.authorization, accept);
  };

  return (
    <View className='card' data-request={a.id} data-status={a.status}>
      <Text className='card-title'>{a.principal.name}请您代他投票</Text>
      <View className='rows'>
        <Row k='委托人' v={personText(a.principal)} />
        <Row k='您是他的' v={a.relationLabel} />
        <Row k='选举日他在' v={a.awayPlace} />
        <Row k='提交时间' v={dateTime(a.requestedAt)} />
      </View>
      {full ? <Text className='notice warn'>您已经接受了最多的人数，不能再接受了，请拒绝，让他另请别人。</Text> : null}
      {mode === 'accept' ? <ProxySignature id={`proxy-sign-${a.id}`} label='受托人签名：请在框里写上您的名字' value={signature} onChange={setSignature} error={sigError ?? call.error?.fields?.signature} /> : null}
      {mode === 'decline' ? <TextAreaField id={`decline-reason-${a.id}`} label='不接受的原因（可以不填）' value={reason} onChange={setReason} error={call.error?.fields?.reason} placeholder='例如：选举日我也不在村里' maxlength={100} /> : null}
      <FormError error={call.error} testId='respond-error' />
      {mode === null ? (
        <>
          {!full ? (
            <Button className='btn' id={`accept-${a.id}`} onClick={() => setMode('accept')}>
              接受（需要签名）
            </Button>
          ) : null}
          <Button className='btn plain' id={`decline-${a.id}`} onClick={() => setMode('decline')}>
            不接受
          </Button>
        </>
      ) : (
        <>
          <Button className='btn' id={`confirm-${a.id}`} disabled={call.pending || undefined} onClick={() => void answer(mode === 'accept')}>
            {call.pending ? '正在提交…' : mode === 'accept' ? '签好了，接受委托' : '确定不接受'}
          </Button>
          <Button className='btn plain' onClick={() => setMode(null)}>
            再想想
          </Button>
        </>
      )}
    </View>
  );
}
