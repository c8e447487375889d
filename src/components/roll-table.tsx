import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type * as roll from '../contracts/roll.contract';
import type { RollEntry } from './roll-entry-actions';
import { civilDate } from '../services/format';

type Sort = roll.RosterSort;

const COLUMNS: ReadonlyArray<readonly [Sort | null, string]> = [
  ['name', '姓名'],
  ['group', '村民小组'],
  ['category', '类别'],
  ['age', '年龄'],
  ['status', '状态'],
  [null, '微信 · 核对'],
];

/** Short category names for the table's column (the full label is in the row's details). */
const SHORT_CATEGORY: Record<RollEntry['category'], string> = { A: 'A 本村居住', B: 'B 外出', C: 'C 外来' };

const badge = (v: RollEntry) => 'badge ' + (v.status === 'registered' ? 'ok' : v.status === 'pending' ? 'warn' : 'danger');

/** What the phone's second line and the opened entry say: sex, age, WeChat, check, records. */
function details(v: RollEntry): string {
  const parts = [`${v.sex === 'M' ? '男' : '女'} ${v.ageOnElectionDay}岁`, v.bound ? '已绑定微信' : '未绑定', ...(v.locked ? ['绑定已锁定'] : []), v.confirmed ? '本人已核对' : '本人未核对'];
  if (v.statusReason) parts.push(`理由：${v.statusReason}`);
  if (v.residence) parts.push(`${v.residence.meetingLabel}（${civilDate(v.residence.meetingDate)}，${v.residence.minutesRef}）：${v.residence.outcome === 'approved' ? '同意' : '不同意'}`);
  if (v.declaration) parts.push(`${v.declaration.channelLabel}（${civilDate(v.declaration.on)}）${v.declaration.livesIn ? `，现住${v.declaration.livesIn}` : ''}`);
  return parts.join(' · ');
}

interface Props {
  rows: readonly RollEntry[];
  sort: Sort;
  desc: boolean;
  onSort: (sort: Sort, desc: boolean) => void;
  open: string | null;
  onToggle: (id: string) => void;
  /** The opened entry's operations. */
  renderOpen: (v: RollEntry) => ReactNode;
}

/**
 * The roll as a table. Wide screens: one line per person with sortable column heads. Phones: two
 * short lines per person (name, group and status; then the details, cut to one line) — tapping
 * a row opens its operations and the full details.
 */
export default function RollTable({ rows, sort, desc, onSort, open, onToggle, renderOpen }: Props) {
  return (
    <View className='roll-table' role='table' aria-label='选民名册'>
      <View className='roll-head' role='row'>
        {COLUMNS.map(([key, label]) =>
          key ? (
            <View key={label} role='columnheader' className={'roll-sort' + (sort === key ? ' on' : '')} id={`sort-${key}`} aria-sort={sort === key ? (desc ? 'descending' : 'ascending') : 'none'} onClick={() => onSort(key, sort === key ? !desc : false)}>
              {label}
              {sort === key ? (desc ? ' ▼' : ' ▲') : ''}
            </View>
          ) : (
            <View key={label} role='columnheader' className='roll-sort'>
              {label}
            </View>
          ),
        )}
      </View>
      {rows.map((v) => (
        <View key={v.id} id={`voter-${v.id}`} data-voter={v.id}>
          <View className={'roll-row' + (open === v.id ? ' open' : '')} role='row' id={`open-${v.id}`} data-action='open' onClick={() => onToggle(v.id)}>
            <Text className='rc rc-name'>
              {v.name}
              <Text className='rc-inline'> · {v.group}</Text>
            </Text>
            <Text className='rc rc-group'>{v.group}</Text>
            <Text className='rc rc-cat'>{SHORT_CATEGORY[v.category]}</Text>
            <Text className='rc rc-age'>
              {v.sex === 'M' ? '男' : '女'} {v.ageOnElectionDay}岁
            </Text>
            <View className='rc rc-status'>
              <Text className={badge(v)}>{v.statusLabel}</Text>
            </View>
            <Text className='rc rc-flags'>
              {v.bound ? '已绑定' : '未绑定'} · {v.confirmed ? '已核对' : '未核对'}
            </Text>
            {/* The phone's second line: the short category, so the line's one row shows the details (the full label is in the opened entry). */}
            <Text className='rc rc-meta'>
              {SHORT_CATEGORY[v.category]} · {details(v)}
            </Text>
          </View>
          {open === v.id ? (
            <View className='roll-open'>
              <Text className='text small' data-testid='entry-details'>
                {v.categoryLabel} · {details(v)}
              </Text>
              {renderOpen(v)}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** 上一页 / 下一页 with the page count between. */
export function RollPager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  return (
    <View className='roll-pager'>
      <Button className={'btn plain' + (page <= 1 ? ' disabled' : '')} id='roll-prev' disabled={page <= 1 || undefined} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text className='text small muted center' id='roll-page'>
        第{page}页，共{pages}页
      </Text>
      <Button className={'btn plain' + (page >= pages ? ' disabled' : '')} id='roll-next' disabled={page >= pages || undefined} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  );
}
