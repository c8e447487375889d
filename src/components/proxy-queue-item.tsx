import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { QueueItem } from '../hooks/use-proxy-committee';
import { useDecideProxy } from '../hooks/use-proxy-committee';
import { dateTime } from '../services/format';
import { toast } from '../services/navigation';
import { FormError, TextAreaField } from './form-fields';
import { ProxyStatusLine, Row, personText } from './proxy-parts';

/** One authorization in the committee's queue: both signatures (short-lived links), approve or reject. */
export default function ProxyQueueItem({ electionId, item, onDecided }: { electionId: string; item: QueueItem; onDecided: () => void }) {
  const call = useDecideProxy();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  const decide = async (approve: boolean) => {
    const r = await call.run(approve ? { electionId, id: item.id, approve } : { electionId, id: item.id, approve, reason });
    if (r) {
      toast(approve ? `已批准，委托投票证 ${r.authorization.certificateNo ?? ''}` : '已驳回', 'success');
      onDecided();
    }
  };

  return (
    <View className='card' data-proxy={item.id} data-status={item.status}>
      <Text className='card-title'>
        {item.principal.name} → {item.proxy.name}
      </Text>
      <ProxyStatusLine a={item} />
      <View className='rows'>
        <Row k='委托人' v={personText(item.principal)} />
        <Row k='受托人' v={personText(item.proxy)} />
        <Row k='受托人是委托人的' v={item.relationLabel} />
        <Row k='选举日委托人在' v={item.awayPlace} />
        <Row k='提交' v={dateTime(item.requestedAt)} />
        {item.certificateNo ? <Row k='委托投票证' v={item.certificateNo} /> : null}
      </View>
      <Signature label='委托人签名' url={item.principalSignatureUrl} />
      <Signature label='受托人签名' url={item.proxySignatureUrl} />
      {item.status === 'accepted' ? (
        <View data-testid='decide-proxy'>
          {rejecting ? <TextAreaField id={`reject-reason-${item.id}`} label='驳回理由（会告诉委托人）' value={reason} onChange={setReason} error={call.error?.fields?.reason} placeholder='例如：不是近亲属；签名不是本人' maxlength={200} /> : null}
          <FormError error={call.error} testId='decide-proxy-error' />
          {rejecting ? (
            <Button className='btn' id={`reject-confirm-${item.id}`} disabled={call.pending || undefined} onClick={() => void decide(false)}>
              确定驳回
            </Button>
          ) : (
            <>
              <Button className='btn' id={`approve-${item.id}`} disabled={call.pending || undefined} onClick={() => void decide(true)}>
                {call.pending ? '正在提交…' : '批准，发委托投票证'}
              </Button>
              <Button className='btn plain' id={`reject-${item.id}`} onClick={() => setRejecting(true)}>
                驳回
              </Button>
            </>
          )}
        </View>
      ) : null}
    </View>
  );
}

/** A signature image from a short-lived link; after it expires, pulling down reloads the queue. */
function Signature({ label, url }: { label: string; url: string | null }) {
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      {url ? <Image className='proxy-sig' src={url} mode='aspectFit' /> : <Text className='text small muted'>还没有签名</Text>}
    </View>
  );
}
