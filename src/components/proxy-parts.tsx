import { Text, View } from '@tarojs/components';
import type { ProxyView } from '../hooks/use-proxy';
import { dateTime } from '../services/format';
import ReceiptQr from './receipt-qr';
import './proxy.scss';

type Person = ProxyView['principal'];

/** Name, group, sex and birth year: enough to tell namesakes apart, no ID digits (RULES.md §7). */
export const personText = (p: Person): string => `${p.name}（${p.group}，${p.sex === 'M' ? '男' : '女'}，${p.birthYear}年生）`;

const STEPS = ['待受托人确认', '待选举委员会审核', '已批准'] as const;

/** How far along the three steps an authorization is; a closed one names how it ended. */
function progress(a: ProxyView): { reached: number; ended: string | null } {
  switch (a.status) {
    case 'requested':
      return { reached: 0, ended: null };
    case 'accepted':
      return { reached: 1, ended: null };
    case 'approved':
    case 'used':
      return { reached: 2, ended: null };
    case 'declined':
      return { reached: 0, ended: '受托人没有接受' };
    case 'rejected':
      return { reached: 2, ended: '已驳回' };
    case 'revoked':
      return { reached: -1, ended: '已撤销' };
    case 'voided':
      return { reached: -1, ended: '已作废' };
  }
}

function stepState(i: number, reached: number, ended: string | null): 'done' | 'now' | 'stop' | 'later' {
  if (i < reached) return 'done';
  if (i > reached || reached < 0) return 'later';
  if (ended) return 'stop';
  // The last step reached is 已批准 itself, not a wait.
  return i === STEPS.length - 1 ? 'done' : 'now';
}

/** 待受托人确认 → 待选举委员会审核 → 已批准 / 已驳回, with the reason when it ended otherwise. */
export function ProxyStatusLine({ a }: { a: ProxyView }) {
  const { reached, ended } = progress(a);
  return (
    <View className='proxy-steps' data-testid='proxy-status' data-status={a.status}>
      {STEPS.map((label, i) => {
        const state = stepState(i, reached, ended);
        return (
          <View key={label} className={`proxy-step ${state}`}>
            <Text className='proxy-step-num'>{state === 'done' ? '✓' : i + 1}</Text>
            <Text className='proxy-step-label'>{state === 'stop' ? ended : label}</Text>
          </View>
        );
      })}
      {ended && reached < 0 ? <Text className='notice warn'>{ended}</Text> : null}
      {a.reason ? <Text className='notice warn' data-testid='proxy-reason'>原因：{a.reason}</Text> : null}
      {a.status === 'used' ? <Text className='notice ok'>选举日受托人已经凭委托投票证代您领了选票。</Text> : null}
    </View>
  );
}

/** 委托投票证: its number in large type and a QR code of the payload the check-in desk scans. */
export function ProxyCertificate({ a }: { a: ProxyView }) {
  if (!a.certificateNo) return null;
  return (
    <View className='card proxy-cert' data-testid='proxy-certificate'>
      <Text className='card-title'>委托投票证</Text>
      <Text className='proxy-cert-no' data-testid='certificate-no'>
        {a.certificateNo}
      </Text>
      <View className='rows'>
        <Row k='委托人' v={personText(a.principal)} />
        <Row k='受托人' v={personText(a.proxy)} />
        <Row k='关系' v={a.relationLabel} />
        {a.decidedAt ? <Row k='批准时间' v={dateTime(a.decidedAt)} /> : null}
      </View>
      {a.certificateQr ? (
        <View className='proxy-qr' data-testid='certificate-qr'>
          <ReceiptQr text={a.certificateQr} px={240} label={`委托投票证 ${a.certificateNo} 的二维码`} />
        </View>
      ) : null}
      <Text className='text small'>选举日受托人带上自己的身份证，到投票站出示这个编号或二维码，代您领一张选票。只能用一次。</Text>
    </View>
  );
}

/**
 * A key/value row whose value wraps (names with group and birth year, sentences): the app's
 * `.row-value` keeps to one line for masked ID numbers, which overflows a 375 px phone here.
 * `stack`: the value goes under its key, left-aligned, for whole sentences.
 */
export function Row({ k, v, stack }: { k: string; v: string; stack?: boolean }) {
  return (
    <View className={'row proxy-row' + (stack ? ' stack' : '')}>
      <Text className='row-key'>{k}</Text>
      <Text className='row-value'>{v}</Text>
    </View>
  );
}

