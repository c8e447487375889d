import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import TaskDone from '../../../../components/task-done';
import NoticeText from '../../../../components/notice-text';
import PageShell from '../../../../components/page-shell';
import NoticeSubscribeCard from '../../../../components/notice-subscribe-card';
import { StateGate } from '../../../../components/state-views';
import VoterListFinder from '../../../../components/voter-list-finder';
import { useSession } from '../../../../hooks/session-store';
import { useNoticeDetail, useNoticeList, type NoticeDetail } from '../../../../hooks/notice-store';
import { dateTime } from '../../../../services/format';
import { openNotice } from '../../../../services/notice-navigation';
import { openTab } from '../../../../services/navigation';
import '../../../../components/notice.scss';

const PEOPLE_LISTS = new Set(['voterList', 'committeeMembers', 'formalCandidates', 'proxyList', 'objectionResults']);

/** 公告详情: the text, the frozen list page by page with its 校验码, and 我已阅读. */
export default function NoticeDetailPage() {
  const { id, detail, error, loading, reload, markRead, marking, markError } = useNoticeDetail();
  const { data: list } = useNoticeList(true);
  const { whoami } = useSession();
  const [justRead, setJustRead] = useState(false);
  /** The 序号 the finder jumped to: that row is marked on its page. */
  const [found, setFound] = useState<number | null>(null);

  if (!id) {
    return (
      <PageShell>
        <View className='card'>
          <Text className='text'>没有找到这份公告。请从“公告”里打开。</Text>
        </View>
      </PageShell>
    );
  }
  if (!detail) {
    return (
      <PageShell>
        <StateGate ready={false} error={error} onRetry={() => void reload(1)}>
          {() => null}
        </StateGate>
      </PageShell>
    );
  }
  const n = detail.notice;
  return (
    <PageShell>
      {n.correctedBy ? (
        <View className='notice warn' data-testid='corrected-banner'>
          <Text className='text strong'>这份公告已经更正，请以更正后的公告为准。</Text>
          <Button className='btn secondary' id='open-correction' onClick={() => openNotice(n.correctedBy!)}>
            查看更正公告
          </Button>
        </View>
      ) : null}
      {n.corrects ? (
        <View className='notice ok' data-testid='corrects-banner'>
          <Text className='text strong'>这是一份更正公告，更正了之前发布的一份公告。</Text>
          <Button className='btn secondary' id='open-corrected' onClick={() => openNotice(n.corrects!)}>
            查看原公告
          </Button>
        </View>
      ) : null}
      <View className='card' data-testid='notice-detail'>
        <NoticeText typeLabel={n.typeLabel} meta={`发布时间 ${dateTime(n.publishedAt)}`} title={n.title} body={n.body} />
        {n.checkpoint ? (
          <Text className='text small muted' data-testid='notice-checkpoint'>
            存证：第 {n.checkpoint.seq} 条记录 · 校验码 {n.checkpoint.hash.slice(0, 8)}
          </Text>
        ) : null}
      </View>
      {justRead && n.readAt ? (
        <TaskDone
          testId='read-done'
          scrollToTop={false}
          title='已记下您读过这份公告'
          done={`您读了《${n.title}》。`}
          at={n.readAt}
          next={list && list.unread > 0 ? `还有${list.unread}份公告没读，点下面的按钮回到公告去看。` : '公告都读完了。有新公告时，“公告”上会显示红色数字。'}
          backLabel='回到公告'
          onBack={() => openTab('notices')}
        />
      ) : (
        <ReadButton read={n.read} readAt={n.readAt} marking={marking} onRead={() => void markRead().then((ok) => ok && setJustRead(true))} />
      )}
      {markError ? <Text className='notice error'>{markError}</Text> : null}
      {detail.attachment && n.type === 'voterList' && !n.correctedBy ? (
        <VoterListFinder
          ownName={whoami?.voter?.name ?? null}
          pageSize={detail.attachment.pageSize}
          onPage={(p, no) => {
            setFound(no);
            void reload(p);
          }}
        />
      ) : null}
      {detail.attachment ? <Attachment a={detail.attachment} kind={n.type} loading={loading} found={found} onPage={(p) => void reload(p)} /> : null}
      {n.read && list ? <NoticeSubscribeCard pushesOwed={list.pushesOwed} prompt='以后有新公告时，想在微信里收到提醒吗？点下面的按钮同意一次，就能收到一次提醒。' /> : null}
    </PageShell>
  );
}

function ReadButton({ read, readAt, marking, onRead }: { read: boolean; readAt: string | null; marking: boolean; onRead: () => void }) {
  return (
    <View className='card' data-testid='read-card'>
      <Button
        className={'btn' + (read ? ' notice-read-done' : marking ? ' disabled' : '')}
        id='notice-read'
        data-testid={read ? 'notice-read-done' : 'notice-read'}
       
        onClick={() => {
          if (!read) onRead();
        }}
      >
        {read ? '✓ 已阅读' : marking ? '正在记录…' : '我已阅读'}
      </Button>
      <Text className='text small muted'>{read ? `您在${readAt ? dateTime(readAt) : ''}读过这份公告，选举委员会能看到有多少人读过。` : '读完以后请点上面的按钮，选举委员会就知道您看过了。'}</Text>
    </View>
  );
}

function Attachment({ a, kind, loading, found, onPage }: { a: NonNullable<NoticeDetail['attachment']>; kind: string; loading: boolean; found: number | null; onPage: (p: number) => void }) {
  const unit = PEOPLE_LISTS.has(kind) || PEOPLE_LISTS.has(a.kind) ? '人' : '项';
  return (
    <View className='card' data-testid='attachment'>
      <Text className='card-title'>
        附件名单（共{a.count}
        {unit}）
      </Text>
      <Text className='text small'>
        校验码：<Text className='notice-hash' data-testid='attachment-hash'>{shortHash(a.hash)}</Text>
      </Text>
      <Text className='text small muted'>校验码由名单内容算出，名单改动一个字，校验码就会变。可以和公告栏上张贴的名单核对。</Text>
      <View className='spacer' />
      {a.entries.map((row, i) => (
        <AttachmentRow key={i} row={row} found={found !== null && row.no === found} />
      ))}
      {a.pages > 1 ? (
        <>
          <Text className='text center' data-testid='attachment-page'>
            第{a.page}页，共{a.pages}页
          </Text>
          <View className='notice-pager'>
            <Button className={'btn plain' + (a.page <= 1 || loading ? ' disabled' : '')} id='attachment-prev' onClick={() => a.page > 1 && !loading && onPage(a.page - 1)}>
              上一页
            </Button>
            <Button className={'btn plain' + (a.page >= a.pages || loading ? ' disabled' : '')} id='attachment-next' onClick={() => a.page < a.pages && !loading && onPage(a.page + 1)}>
              下一页
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}

/** Row fields shown in their own columns; any other text field (职务, 处理结果 …) goes on a second line. */
const ROW_COLUMNS = new Set(['no', 'name', 'group']);

function AttachmentRow({ row, found }: { row: Record<string, string | number | boolean | null>; found: boolean }) {
  if (typeof row.name === 'string') {
    const extra = Object.entries(row)
      .filter(([k, v]) => !ROW_COLUMNS.has(k) && (typeof v === 'string' || typeof v === 'number') && v !== '')
      .map(([, v]) => v);
    return (
      <View className={'notice-list-row' + (found ? ' found' : '')} data-testid='attachment-row' data-found={found ? 'yes' : undefined}>
        <Text className='notice-list-no'>{row.no ?? ''}</Text>
        <Text className='notice-list-name'>{row.name}</Text>
        <Text className='notice-list-group'>{typeof row.group === 'string' ? row.group : ''}</Text>
        {extra.length ? <Text className='notice-list-extra'>{extra.join('　')}</Text> : null}
      </View>
    );
  }
  return (
    <View className='notice-list-row' data-testid='attachment-row'>
      <Text className='notice-list-name'>
        {Object.values(row)
          .filter((v) => v !== null && v !== '')
          .join('　')}
      </Text>
    </View>
  );
}

/** The SHA-256 in hex, shortened for reading aloud: first 8 and last 4 characters. */
function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}`.toUpperCase() : hash.toUpperCase();
}
