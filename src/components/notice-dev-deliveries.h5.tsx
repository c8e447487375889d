import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { setDevDeliveriesOpen, useDevDeliveries, useDevDeliveriesOpen } from '../hooks/notice-dev-deliveries';
import { dateTime } from '../services/format';
import './notice-dev-deliveries.h5.scss';

const SHOWN = 100;

/** The entry in the persona bar's list (切换 → 推送记录); `onOpen` closes that list. */
export function NoticeDevDeliveriesEntry({ onOpen }: { onOpen: () => void }) {
  return (
    <View
      role='button'
      className='devbar-item'
      id='dev-deliveries'
      onClick={() => {
        setDevDeliveriesOpen(true);
        onOpen();
      }}
    >
      <Text className='devbar-item-label'>推送记录</Text>
      <Text className='devbar-item-hint'>看看本地服务“发出”的微信提醒：发给谁、哪份公告、结果</Text>
    </View>
  );
}

/**
 * 开发模式 → 推送记录: the subscribe messages the local host's recording notifier "sent"
 * (GET /dev/deliveries, kept in the data directory across restarts), newest first: recipient
 * (dev persona or masked), notice, page opened, template, time, outcome. Part of the dev
 * persona bar, which shows only when the local host is in dev mode; the mini-program build gets
 * notice-dev-deliveries.tsx (nothing).
 */
export default function NoticeDevDeliveries() {
  const open = useDevDeliveriesOpen();
  const { data, loading, failed, load } = useDevDeliveries();
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  if (!open) return null;
  const rows = data?.deliveries.slice(0, SHOWN) ?? [];
  return (
    <View className='dev-deliveries' data-testid='dev-deliveries'>
      <View className='dev-deliveries-head'>
        <Text className='dev-deliveries-title'>推送记录（开发模式，没有真的发到微信）</Text>
        <View className='dev-deliveries-btn' role='button' id='dev-deliveries-refresh' onClick={() => void load()}>
          {loading ? '加载中' : '刷新'}
        </View>
        <View className='dev-deliveries-btn' role='button' id='dev-deliveries-close' onClick={() => setDevDeliveriesOpen(false)}>
          关闭
        </View>
      </View>
      {failed ? <Text className='dev-deliveries-note'>没有取到推送记录：本地服务不在开发模式，或者没有连上。</Text> : null}
      {data ? (
        <Text className='dev-deliveries-note' data-testid='dev-deliveries-total'>
          共{data.total}条{data.total > rows.length ? `，显示最新${rows.length}条` : ''}，新的在前。重启后仍然保留，重新生成演示数据时清空。
        </Text>
      ) : null}
      {data && rows.length === 0 ? <Text className='dev-deliveries-note'>还没有推送过。</Text> : null}
      {rows.map((d, i) => (
        <View key={`${d.at}-${i}`} className={'dev-delivery' + (d.outcome === 'sent' ? '' : ' failed')} data-testid='dev-delivery' data-persona={d.persona ?? ''} data-outcome={d.outcome}>
          <View className='dev-delivery-line'>
            <Text className='dev-delivery-who'>{d.recipient}</Text>
            <Text className='dev-delivery-time'>{dateTime(d.at)}</Text>
          </View>
          <Text className='dev-delivery-title'>
            {d.reminder ? '【提醒】' : ''}
            {d.title ?? '（没有标题）'}
          </Text>
          <Text className='dev-delivery-meta'>打开页面：{d.page ?? '无'}</Text>
          <Text className='dev-delivery-meta'>模板：{d.templateId}</Text>
          <Text className={'dev-delivery-outcome' + (d.outcome === 'sent' ? ' ok' : ' bad')}>{d.outcome === 'sent' ? '已送达' : `失败：${d.error ?? ''}`}</Text>
        </View>
      ))}
    </View>
  );
}
