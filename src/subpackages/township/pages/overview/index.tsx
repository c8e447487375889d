import { Button, Text, View } from '@tarojs/components';
import TownshipGate from '../../../../components/township-gate';
import { useActionData } from '../../../../hooks/use-action';
import type { OutputOf } from '../../../../services/contracts';
import * as township from '../../../../contracts/township.contract';
import { civilDate, dateTime } from '../../../../services/format';
import { openTownshipPage } from '../../../../services/township-nav';

type Overview = OutputOf<typeof township.overview>;
type VillageRow = Overview['villages'][number];

/**
 * 乡镇工作台: every village's election at a glance — phase, next deadline, roll figures, the voter
 * list, objections — with objections decided late or not at all put first and in red: the
 * township guides, and a late decision must never slip by.
 */
export default function TownshipOverviewPage() {
  return <TownshipGate>{({ loadedAt }) => <TownshipOverview reloadKey={String(loadedAt)} />}</TownshipGate>;
}

function TownshipOverview({ reloadKey }: { reloadKey: string }) {
  const overview = useActionData(township.overview, {}, `overview:${reloadKey}`);
  const dups = useActionData(township.duplicates, {}, `duplicates:${reloadKey}`);
  const o = overview.data;
  // Villages with overdue objections first; otherwise the server's order (oldest village first).
  const villages = o ? [...o.villages].sort((a, b) => Number(b.objections.overdue > 0) - Number(a.objections.overdue > 0)) : [];
  const overdue = villages.filter((v) => v.objections.overdue > 0);

  return (
    <View>
      {overview.error ? (
        <View className='card'>
          <Text className='notice error'>{overview.error.message}</Text>
          <Button className='btn' onClick={() => void overview.reload()}>
            重试
          </Button>
        </View>
      ) : null}
      {!o && !overview.error ? <Text className='text muted'>正在加载…</Text> : null}

      {o && overdue.length ? (
        <View className='card' id='overdue-alert' data-testid='overdue-alert'>
          <Text className='notice error'>
            有{o.totals.objectionsOverdue}件申诉没有在法定期限内处理：
            {overdue.map((v) => `${v.villageName}${v.objections.overdue}件`).join('，')}。请督促这些村的选举委员会马上处理，并公布处理结果。
          </Text>
        </View>
      ) : null}

      {o ? (
        <View className='card' id='township-totals' data-testid='township-totals'>
          <Text className='card-title'>全乡镇（{civilDate(o.today, true)}）</Text>
          <View className='figures'>
            <Fig label='村（社区）' value={o.totals.villages} />
            <Fig label='已登记选民' value={o.totals.registered} />
            <Fig label='申诉待处理' value={o.totals.objectionsOpen} />
            <Fig label='申诉超期' value={o.totals.objectionsOverdue} danger={o.totals.objectionsOverdue > 0} />
          </View>
          <Button className='btn secondary' id='open-duplicates' onClick={() => openTownshipPage('duplicates')}>
            重复登记{dups.data ? `（${dups.data.total}人）` : ''}
          </Button>
        </View>
      ) : null}

      {villages.map((v) => (
        <VillageCard key={v.villageId} v={v} />
      ))}
    </View>
  );
}

function VillageCard({ v }: { v: VillageRow }) {
  const e = v.election;
  const kind = v.kind === 'community' ? '社区' : '村';
  const rate = v.voters.onRoll > 0 ? Math.round((v.voters.registered * 100) / v.voters.onRoll) : null;
  return (
    <View className='card' id={`village-${v.villageId}`} data-testid='village' data-village={v.villageId} data-overdue={v.objections.overdue > 0 ? 'yes' : 'no'}>
      <Text className='village'>
        {v.villageName}（{kind}）
      </Text>
      {!e ? (
        <Text className='text'>还没有创建本届选举。</Text>
      ) : (
        <View>
          <Text className='title'>{e.title}</Text>
          <View className='phase'>
            <Text>当前阶段</Text>
            <Text className='phase-badge'>{e.phaseLabel}</Text>
          </View>
          <Text className='text muted'>选举日：{civilDate(e.electionDay, true)}</Text>
          {e.next ? (
            <Text className='text small'>
              下一个截止：{e.next.label}，{dateTime(Date.parse(e.next.deadline) - 1)}
            </Text>
          ) : null}
        </View>
      )}
      {v.objections.overdue > 0 ? (
        <Text className='notice error' id={`village-overdue-${v.villageId}`} data-testid='village-overdue'>
          {v.objections.overdue}件申诉超过法定期限（没有按时处理，或处理晚了）
        </Text>
      ) : null}
      {e ? (
        <View>
          <View className='figures'>
            <Fig label='名册人数' value={v.voters.onRoll} />
            <Fig label='已登记选民' value={v.voters.registered} />
            <Fig label='待表示或待审议' value={v.voters.pending} />
            <Fig label='已登记占名册' value={rate === null ? '—' : `${rate}%`} />
          </View>
          <View className='rows'>
            <View className='row'>
              <Text className='row-key'>选民名单</Text>
              <Text className='row-value'>
                {v.voterList.published && v.voterList.publishedOn ? `${civilDate(v.voterList.publishedOn)}公布${v.voterList.count !== null ? `，${v.voterList.count}人` : ''}` : '还没有公布'}
              </Text>
            </View>
            <View className='row'>
              <Text className='row-key'>申诉</Text>
              <Text className='row-value'>
                待处理{v.objections.open}件，已处理{v.objections.decided}件
              </Text>
            </View>
          </View>
        </View>
      ) : null}
      <Button className='btn secondary' data-action='members' id={`members-${v.villageId}`} onClick={() => openTownshipPage('members', { villageId: v.villageId })}>
        选举委员会成员
      </Button>
    </View>
  );
}

function Fig({ label, value, danger = false }: { label: string; value: number | string; danger?: boolean }) {
  return (
    <View className='figure' data-figure={label}>
      <Text className={'figure-num' + (danger ? ' danger' : '')}>{value}</Text>
      <Text className='figure-label'>{label}</Text>
    </View>
  );
}
