import { Button, Text, View } from '@tarojs/components';
import { useDevPersonas } from '../hooks/use-dev-personas';
import { useNoticeSubscribe } from '../hooks/notice-store';
import NoticeConsentDialog from './notice-consent-dialog';
import './notice.scss';

/**
 * 订阅消息提醒: WeChat one-time subscribe messages — each 允许 gives exactly one push, so the
 * card shows how many are owed and asks again at natural moments (首页, after reading).
 */
export default function NoticeSubscribeCard({
  pushesOwed,
  prompt,
  templateId,
  owedText,
  onRecorded,
}: {
  pushesOwed: number;
  prompt?: string;
  /** A template given by another reply than notices.list (e.g. registration.myObjections). */
  templateId?: string;
  owedText?: (pushesOwed: number) => string;
  onRecorded?: (pushesOwed: number) => void;
}) {
  const { subscribeOnce, pending, message, kind } = useNoticeSubscribe(templateId, onRecorded);
  const { devMode } = useDevPersonas();
  if (kind === 'none' || (kind === 'simulated' && !devMode)) return null;
  return (
    <View className='card' data-testid='notice-subscribe'>
      <Text className='card-title'>微信消息提醒</Text>
      <Text className='text' data-testid='pushes-owed'>
        {owedText ? owedText(pushesOwed) : pushesOwed > 0 ? `新公告发布时，还能提醒您${pushesOwed}次。` : '现在不会收到新公告的微信提醒。'}
      </Text>
      <Text className='text small muted'>{prompt ?? '微信规定：每同意一次，只能收到一条提醒。多点几次“允许”，就能多收到几次。'}</Text>
      {message ? <Text className={`notice ${message.ok ? 'ok' : 'warn'}`}>{message.text}</Text> : null}
      <Button className={'btn' + (pending ? ' disabled' : '')} id='notice-subscribe-btn' onClick={() => void subscribeOnce()}>
        {pending ? '正在订阅…' : '订阅消息提醒'}
      </Button>
      <NoticeConsentDialog />
    </View>
  );
}
