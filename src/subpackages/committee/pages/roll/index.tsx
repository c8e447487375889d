import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import RollEntryActions, { type FlagOp } from '../../../../components/roll-entry-actions';
import RollFilters, { CATEGORIES, STATUSES, type RollQuery } from '../../../../components/roll-filters';
import RollReissued, { type Reissued } from '../../../../components/roll-reissued';
import RollTable, { RollPager } from '../../../../components/roll-table';
import UnlockBindingButton from '../../components/unlock-binding-button';
import { isFlagAllowed } from '../../../../domain/registration';
import { resolveRuleSet } from '../../../../domain/presets/registry';
import { useActionData } from '../../../../hooks/use-action';
import { serverNow } from '../../../../hooks/use-countdown';
import type { ElectionView } from '../../../../hooks/session-store';
import { pageQuery } from '../../../../services/committee-nav';
import * as roll from '../../../../contracts/roll.contract';
import type { InputOf } from '../../../../services/contracts';
import { beijingDay } from '../../../../services/format';

/** 50 rows a page: a PC screen shows about 25 table lines, a phone about 8 rows. */
const PAGE_SIZE = 50;
const FLAGS: ReadonlyArray<readonly [FlagOp, string]> = [
  ['deprived', '被剥夺政治权利'],
  ['deceased', '已去世'],
  ['movedAway', '已迁出'],
  ['unableToExercise', '无法行使选举权'],
];

/**
 * The flags the election's rule set lets the committee use (无法行使选举权 is provincial): the
 * same domain check the server makes. No rule set for the election: only the statutory three.
 */
function allowedFlags(election: ElectionView) {
  const rules = resolveRuleSet(election.presetId, election.kind, election.electionDay);
  return FLAGS.filter(([f]) => (rules.ok ? isFlagAllowed(f, rules.value) : f !== 'unableToExercise'));
}

/** The filters a dashboard link asks for (外来人口审批: category C, pending). */
function initialQuery(): RollQuery {
  const q = pageQuery();
  const category = CATEGORIES.find(([c]) => c && c === q.category)?.[0] ?? '';
  const status = STATUSES.find(([s]) => s && s === q.status)?.[0] ?? '';
  return { query: '', group: '', category, status, sort: 'group', desc: false, page: 1 };
}

/**
 * 选民名册: search by name or group, filter by group / category / status, sort by any column, 50 a
 * page; per entry: category C decisions, a category B declaration made in person or by phone,
 * flags, a new binding code, and releasing the registration (人户分离).
 */
export default function RollPage() {
  return (
    <CommitteeGate>
      {({ electionId, election, village, clockOffsetMs }) => <Roll electionId={electionId} election={election} villageName={village?.villageName ?? ''} clockOffsetMs={clockOffsetMs} />}
    </CommitteeGate>
  );
}

function Roll({ electionId, election, villageName, clockOffsetMs }: { electionId: string; election: ElectionView; villageName: string; clockOffsetMs: number }) {
  const flags = useMemo(() => allowedFlags(election), [election]);
  // Published lists change only through objections: the server refuses, the page does not offer.
  const listPublished = !!election.calendar.find((e) => e.key === 'voterListPublication')?.doneOn;
  const [reissued, setReissued] = useState<Reissued | null>(null);
  const [q, setQ] = useState<RollQuery>(initialQuery);
  const [open, setOpen] = useState<string | null>(null);
  const change = (next: Partial<RollQuery>) => (setQ((x) => ({ ...x, ...next })), setOpen(null));

  const input: InputOf<typeof roll.listVoters> = {
    electionId,
    page: q.page,
    pageSize: PAGE_SIZE,
    sort: q.sort,
    desc: q.desc,
    ...(q.query ? { query: q.query } : {}),
    ...(q.group ? { group: q.group } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
  const list = useActionData(roll.listVoters, input, JSON.stringify(input));
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const statuses = STATUSES.filter(([s]) => s !== 'unableToExercise' || flags.some(([f]) => f === s));

  if (reissued) return <RollReissued reissued={reissued} title={election.title} villageName={villageName} listPublished={listPublished} onBack={() => setReissued(null)} />;

  return (
    <View>
      <RollFilters q={q} groups={data?.groups ?? []} statuses={statuses} onChange={change} />
      <View className='card' data-testid='roll-list'>
        <Text className='card-title'>{data ? `共${data.total}人` : '选民名册'}</Text>
        {list.error ? <Text className='notice error'>{list.error.message}</Text> : null}
        {list.loading && !data ? <Text className='text muted'>正在加载…</Text> : null}
        {data && data.rows.length === 0 ? <Text className='text muted'>没有符合条件的人。</Text> : null}
        {data && data.rows.length ? (
          <RollTable
            rows={data.rows}
            sort={q.sort}
            desc={q.desc}
            onSort={(sort, desc) => change({ sort, desc, page: 1 })}
            open={open}
            onToggle={(id) => setOpen(open === id ? null : id)}
            renderOpen={(v) => (
              <View>
                {v.locked ? <UnlockBindingButton electionId={electionId} voterId={v.id} name={v.name} onUnlocked={() => list.setData((d) => (d ? { ...d, rows: d.rows.map((r) => (r.id === v.id ? { ...r, locked: false } : r)) } : d))} /> : null}
              <RollEntryActions
                key={v.id}
                electionId={electionId}
                voter={v}
                flags={flags}
                listPublished={listPublished}
                today={beijingDay(serverNow(clockOffsetMs))}
                onDone={(updated, code) => {
                  list.setData((d) => (d ? { ...d, rows: d.rows.map((r) => (r.id === updated.id ? updated : r)) } : d));
                  setOpen(null);
                  if (code) setReissued({ voter: updated, code });
                }}
              />
              </View>
            )}
          />
        ) : null}
        {data && pages > 1 ? <RollPager page={q.page} pages={pages} onPage={(page) => change({ page })} /> : null}
      </View>
    </View>
  );
}
