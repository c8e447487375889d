import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ErrorView, Loading } from '../../../../components/state-views';
import { useCallList, useNoticeStats, useRemindUnread, useRouteParam, type CallListEntry, type NoticeStats, type RemindOutput } from '../../../../hooks/notice-committee';
import type { ElectionView } from '../../../../hooks/session-store';
import { dateTime } from '../../../../services/format';
import { openNoticeCompose } from '../../../../services/notice-navigation';
import { confirmDialog, toast } from '../../../../services/navigation';
import CommitteeGate from '../../../../components/committee-gate';
import { DialButton } from '../../../../components/dial-button';
import '../../../../components/notice.scss';

type Rate = NonNullable<NoticeStats['detail']>['awareness']['overall'];
const CALL_PAGE = 50;

/**
 * 阅读情况: 知晓率 overall, per group (bar chart), migrants apart; deliveries (情况不明 too);
 * 提醒未读 and the call list, which 重新获取电话通知名单 fetches again without pushing.
 */
export default function NoticeStatsPage() {
  return <CommitteeGate>{({ election }) => <Stats election={election} />}</CommitteeGate>;
}

function percent(r: Rate): number {
  return Math.round((r.rate ?? 0) * 1000) / 10;
}

function Bar({ label, r, migrant }: { label: string; r: Rate; migrant?: boolean }) {
  return (
    <View className='bar-row' data-testid='bar' data-label={label}>
      <View className='bar-head'>
        <Text>{label}</Text>
        <Text className='strong'>
          {r.label}（{r.readers}/{r.registered}）
        </Text>
      </View>
      <View className='bar-track'>
        <View className={'bar-fill' + (migrant ? ' migrant' : '')} style={{ width: `${percent(r)}%` }} />
      </View>
    </View>
  );
}

function Stats({ election }: { election: ElectionView }) {
  const id = useRouteParam('id');
  const { data, error, reload } = useNoticeStats(election.id, id);
  const { remind, pending, error: remindError } = useRemindUnread();
  const { fetchList, pending: fetching, error: fetchError } = useCallList();
  const [shown, setShown] = useState<CallListShown | null>(null);

  if (!id) {
    return (
      <View className='card'>
        <Text className='text'>没有指定公告，请从“公告管理”里打开。</Text>
      </View>
    );
  }
  if (!data?.detail) return error ? <ErrorView error={error} onRetry={() => void reload()} /> : <Loading />;
  const d = data.detail;
  const n = d.notice;
  const del = d.deliveries;

  const doRemind = async () => {
    if (pending || d.unread.total === 0) return;
    const ok = await confirmDialog(
      '提醒未读',
      `还有${d.unread.total}人没有读。其中${d.unread.withConsent}人有订阅次数，会再收到一条微信提醒；其余的人生成电话通知名单，交村民小组长逐一通知。`,
      '提醒',
    );
    if (!ok) return;
    const r = await remind(election.id, n.id);
    if (r) {
      setShown({ callList: r.callList, push: r.push, fetched: false });
      toast('已提醒', 'success');
      void reload();
    }
  };

  const doFetchList = async () => {
    if (fetching) return;
    const list = await fetchList(election.id, n.id);
    if (list) {
      setShown({ callList: list, push: null, fetched: true });
      toast('已重新获取', 'success');
    }
  };

  return (
    <>
      <View className='card' data-testid='stats-notice'>
        <View className='notice-meta'>
          <Text className='notice-type'>{n.typeLabel}</Text>
          <Text>{dateTime(n.publishedAt)}</Text>
        </View>
        <Text className='card-title'>{n.title}</Text>
        {n.correctedBy ? <Text className='notice warn'>这份公告已经更正过。</Text> : null}
        {n.corrects ? <Text className='text small muted'>这是一份更正公告。</Text> : null}
      </View>

      <View className='card' data-testid='awareness'>
        <Text className='card-title'>知晓率</Text>
        <Text className='notice-rate' data-testid='awareness-overall'>
          {d.awareness.overall.label}
        </Text>
        <Text className='text'>
          已读{d.awareness.overall.readers}人 / 登记选民{d.awareness.overall.registered}人
        </Text>
        <View className='spacer' />
        <Bar label='在村选民（A、C类）' r={d.awareness.residents} />
        <Bar label='外出选民（B类）' r={d.awareness.migrants} migrant />
      </View>

      <View className='card' data-testid='group-chart'>
        <Text className='card-title'>各村民小组</Text>
        {d.awareness.byGroup.map((g) => (
          <Bar key={g.group} label={g.group} r={g} />
        ))}
      </View>

      <View className='card' data-testid='deliveries'>
        <Text className='card-title'>微信推送</Text>
        <Row k='已送达' v={del.sent} />
        <Row k='正在发送' v={del.pending + del.sending} />
        <Row k='发送失败' v={del.failed} />
        <Row k='没有订阅（未推送）' v={del.noConsent} />
        <Row k='情况不明（不会重发）' v={del.unknown} testid='deliveries-unknown' />
        {del.unknown > 0 ? <Text className='text small muted'>情况不明：发送时程序中断，不知道微信有没有送到。为了不重复打扰，不会再发，这些人如果没有读，会列入电话通知名单。</Text> : null}
        <Text className='text small muted'>
          共推送{d.jobs.length}次（发布{d.jobs.filter((j) => j.kind === 'publish').length}次，提醒{d.jobs.filter((j) => j.kind === 'remind').length}次）。
        </Text>
      </View>

      <View className='card' data-testid='unread'>
        <Text className='card-title'>还没有读的选民</Text>
        <Row k='未读' v={d.unread.total} />
        <Row k='可以再推送提醒' v={d.unread.withConsent} />
        <Row k='只能电话通知' v={d.unread.callOnly} />
        <Row k='推送情况不明' v={d.unread.pushUnknown} testid='unread-unknown' />
        <Row k='电话通知名单' v={d.unread.onCallList} testid='unread-call-list' />
        {remindError ? <Text className='notice error'>{remindError.message}</Text> : null}
        {fetchError ? <Text className='notice error'>{fetchError.message}</Text> : null}
        <Button className={'btn' + (pending || d.unread.total === 0 ? ' disabled' : '')} id='notice-remind' onClick={() => void doRemind()}>
          {pending ? '正在提醒…' : '提醒未读'}
        </Button>
        <Button className={'btn secondary' + (fetching ? ' disabled' : '')} id='call-list-fetch' onClick={() => void doFetchList()}>
          {fetching ? '正在获取…' : '重新获取电话通知名单'}
        </Button>
        <Text className='text small muted'>重新获取名单不会再发微信提醒。</Text>
        <Button className='btn plain' id='stats-refresh' onClick={() => void reload()}>
          刷新
        </Button>
      </View>

      {shown ? <CallListCard key={shown.fetched ? 'fetched' : 'reminded'} shown={shown} electionId={election.id} /> : null}

      {!n.correctedBy && n.type !== 'voterList' ? (
        <Button className='btn secondary' id='notice-correct' onClick={() => openNoticeCompose({ id: n.id, type: n.type })}>
          发布更正公告
        </Button>
      ) : null}
    </>
  );
}

function Row({ k, v, testid }: { k: string; v: number; testid?: string }) {
  return (
    <View className='row' data-testid={testid}>
      <Text className='row-key'>{k}</Text>
      <Text className='row-value'>{v}人</Text>
    </View>
  );
}

interface CallListShown {
  callList: CallListEntry[];
  /** The reminder round that produced it; null when fetched again without pushing. */
  push: RemindOutput['push'] | null;
  fetched: boolean;
}

function CallListCard({ shown: r, electionId }: { shown: CallListShown; electionId: string }) {
  const [shown, setShown] = useState(CALL_PAGE);
  const rows = r.callList.slice(0, shown);
  const groups: Array<{ group: string; rows: typeof rows }> = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.group === row.group) last.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  const perGroup = new Map<string, number>();
  for (const row of r.callList) perGroup.set(row.group, (perGroup.get(row.group) ?? 0) + 1);
  return (
    <View className='card' data-testid='remind-result' data-fetched={r.fetched ? 'yes' : 'no'}>
      <Text className='card-title'>{r.push ? '提醒结果' : '电话通知名单'}</Text>
      {r.push ? (
        <Text className='text' data-testid='remind-pushed'>
          本次微信提醒{r.push.counts.total - r.push.counts.noConsent}人（已送达{r.push.counts.sent}人
          {r.push.counts.failed ? `，失败${r.push.counts.failed}人` : ''}
          {r.push.counts.unknown ? `，情况不明${r.push.counts.unknown}人` : ''}）。
        </Text>
      ) : (
        <Text className='text' data-testid='remind-pushed'>
          按最近一轮推送的结果重新获取，没有再发微信提醒。
        </Text>
      )}
      <Text className='text' data-testid='call-count'>
        电话通知名单共{r.callList.length}人，请交村民小组长逐一通知：
      </Text>
      <View data-testid='call-list'>
        {groups.map((g) => (
          <View key={g.group}>
            <Text className='call-group'>
              {g.group}（{perGroup.get(g.group) ?? 0}人）
            </Text>
            {g.rows.map((row, i) => (
              <View className='call-row' key={i} data-testid='call-row'>
                <Text className='call-name'>{row.name}</Text>
                <Text className='muted'>{row.whyLabel}</Text>
                <Text className='call-phone'>{row.phoneMasked ?? '无电话'}</Text>
                {row.callable ? <DialButton electionId={electionId} voterId={row.voterId} name={row.name} /> : null}
              </View>
            ))}
          </View>
        ))}
      </View>
      {shown < r.callList.length ? (
        <Button className='btn plain' id='call-more' onClick={() => setShown(shown + CALL_PAGE)}>
          再显示{Math.min(CALL_PAGE, r.callList.length - shown)}人（还有{r.callList.length - shown}人）
        </Button>
      ) : null}
    </View>
  );
}
