import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import PageShell from '../../../../components/page-shell';
import TaskDone from '../../../../components/task-done';
import { ProxyCertificate, ProxyStatusLine, Row, personText } from '../../../../components/proxy-parts';
import { FormError } from '../../../../components/form-fields';
import ProxySessionGate from '../../../../components/proxy-gate';
import { StateGate } from '../../../../components/state-views';
import { useSession } from '../../../../hooks/session-store';
import { serverNow } from '../../../../hooks/use-countdown';
import { ACTIVE_PROXY_STATUSES, useMyProxies, useRevokeProxy, type ProxyView } from '../../../../hooks/use-proxy';
import { dateTime } from '../../../../services/format';
import { confirmDialog } from '../../../../services/navigation';
import { leaveProxyPage, openProxyPage } from '../../../../services/proxy-nav';

/** 委托投票 (principal): who may be a proxy, my authorization's status, the certificate, revocation. */
export default function ProxyMinePage() {
  const session = useSession();
  const mine = useMyProxies();
  const [revoked, setRevoked] = useState<{ a: ProxyView; at: string } | null>(null);
  const finish = (r: { a: ProxyView; at: string }) => (
    <TaskDone
      backLabel='好的，返回'
      testId='revoke-finish'
      title='委托已撤销'
      done={`撤销了请${r.a.proxy.name}代您投票的委托`}
      at={r.at}
      next='选举日您可以回村自己投票；在截止时间前，也可以重新委托一位近亲属。'
      onBack={() => {
        setRevoked(null);
        void mine.reload();
      }}
    />
  );
  return (
    <PageShell>
      <ProxySessionGate>
        {() =>
          revoked ? (
            finish(revoked)
          ) : (
            <StateGate ready={!!mine.data} error={mine.error} onRetry={() => void mine.reload()}>
              {() => <Overview data={mine.data!} latest={mine.latest} onRevoked={(a) => setRevoked({ a, at: new Date(serverNow(session.clockOffsetMs)).toISOString() })} />}
            </StateGate>
          )
        }
      </ProxySessionGate>
    </PageShell>
  );
}

type MineData = NonNullable<ReturnType<typeof useMyProxies>['data']>;

function Overview({ data, latest, onRevoked }: { data: MineData; latest: ProxyView | null; onRevoked: (a: ProxyView) => void }) {
  const active = latest && ACTIVE_PROXY_STATUSES.has(latest.status);
  const due = dateTime(Date.parse(data.deadline) - 1);
  return (
    <View>
      <View className='card' data-testid='proxy-intro'>
        <Text className='card-title'>选举日回不了村？</Text>
        <Text className='text'>
          可以书面委托一位本村登记的近亲属（配偶、父母、子女、兄弟姐妹、祖父母外祖父母、孙子女外孙子女）替您投票；每人最多接受{data.maxPerProxy}人的委托；要在{due}前办完。
        </Text>
      </View>
      {latest ? <Current a={latest} onRevoked={onRevoked} /> : null}
      {!active && data.allowed ? (
        <Button className='btn' id='proxy-start' onClick={() => openProxyPage('request')}>
          {latest ? '重新办理委托' : '开始办理委托'}
        </Button>
      ) : null}
      {!active && !data.allowed ? (
        <Text className='notice warn' data-testid='proxy-closed'>
          现在不能办理委托投票（本次选举不实行委托投票，或已过截止时间）。有疑问请问村选举委员会。
        </Text>
      ) : null}
      <Button className='btn secondary' id='proxy-go-incoming' onClick={() => openProxyPage('incoming')}>
        别人请我代他投票
      </Button>
      <Button className='btn plain' onClick={leaveProxyPage}>
        返回
      </Button>
    </View>
  );
}

function Current({ a, onRevoked }: { a: ProxyView; onRevoked: (a: ProxyView) => void }) {
  const revoke = useRevokeProxy();
  const active = ACTIVE_PROXY_STATUSES.has(a.status);
  const doRevoke = async () => {
    const sure = await confirmDialog('撤销委托', `撤销后，${a.proxy.name}就不能替您投票了${a.certificateNo ? '，委托投票证作废' : ''}。选举日您可以回村自己投票；截止前还可以重新委托。`, '撤销');
    if (!sure) return;
    const r = await revoke.run({ id: a.id });
    if (r) onRevoked(r.authorization);
  };
  return (
    <View>
      <View className='card' data-testid='proxy-current' data-id={a.id}>
        <Text className='card-title'>我的委托</Text>
        <ProxyStatusLine a={a} />
        <View className='rows'>
          <Row k='受托人' v={personText(a.proxy)} />
          <Row k='关系' v={a.relationLabel} />
          <Row k='选举日我在' v={a.awayPlace} />
          <Row k='提交时间' v={dateTime(a.requestedAt)} />
          {a.answeredAt ? <Row k='受托人答复' v={dateTime(a.answeredAt)} /> : null}
          {a.decidedAt ? <Row k='选举委员会审核' v={dateTime(a.decidedAt)} /> : null}
        </View>
        {active ? (
          <>
            <FormError error={revoke.error} testId='revoke-error' />
            <Button className='btn plain' id='proxy-revoke' disabled={revoke.pending || undefined} onClick={() => void doRevoke()}>
              {revoke.pending ? '正在撤销…' : '撤销这份委托'}
            </Button>
          </>
        ) : null}
      </View>
      {a.status === 'approved' ? <ProxyCertificate a={a} /> : null}
    </View>
  );
}
