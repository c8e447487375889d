import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { FormError, TextField } from '../../../../components/form-fields';
import { DateField } from '../../../../components/form-pickers';
import { NomineeLine } from '../../../../components/nominee-picker';
import type { ElectionView } from '../../../../hooks/session-store';
import type { Selection } from '../../../../hooks/use-nomination-committee';
import { useNominationCommittee } from '../../../../hooks/use-nomination-committee';
import { resolveRuleSet } from '../../../../domain/presets/registry';
import type { QualificationCheck } from '../../../../domain/presets/types';
import { confirmDialog, toast } from '../../../../services/navigation';
import '../../../../components/nomination.scss';

type Candidate = Selection['posts'][number]['candidates'][number];
type Outcome = 'pass' | 'flag' | 'block';
const OUTCOME: Record<Outcome, string> = { pass: '通过', flag: '存疑', block: '不符合' };

/** 资格审查 per candidate (each check pass / flag / block with a note) and 书面退出 with refill. */
export default function CandidatesPage() {
  return <CommitteeGate>{({ electionId, election }) => <Candidates electionId={electionId} election={election} />}</CommitteeGate>;
}

/** Every item of the preset's list, so a candidate nobody has reviewed yet shows what to check. */
function checklistOf(election: ElectionView): readonly QualificationCheck[] {
  const rules = resolveRuleSet(election.presetId, election.kind, election.electionDay);
  return rules.ok ? rules.value.candidates.qualification : [];
}

function Candidates({ electionId, election }: { electionId: string; election: ElectionView }) {
  const n = useNominationCommittee(electionId);
  const checklist = checklistOf(election);
  if (!n.selection) {
    return (
      <View className='card'>
        <Text className='text'>提名结束后，在这里逐人审查资格、办理退出。</Text>
        <Button className='btn' id='load-selection' onClick={() => void n.close()}>
          读取候选人名单
        </Button>
        <FormError error={n.calls.close.error} testId='load-error' />
      </View>
    );
  }
  return (
    <View data-testid='candidates'>
      {n.selection.posts.flatMap((p) => p.candidates.map((c) => <CandidateCard key={c.voterId} c={c} n={n} checklist={checklist} />))}
    </View>
  );
}

type Item = { key: string; label: string; source: string };

function CandidateCard({ c, n, checklist }: { c: Candidate; n: ReturnType<typeof useNominationCommittee>; checklist: readonly QualificationCheck[] }) {
  // The preset's items first, then any recorded item the preset no longer lists (kept on record).
  const items: Item[] = [...checklist, ...c.review.filter((r) => !checklist.some((q) => q.key === r.key))];
  const [checks, setChecks] = useState<Record<string, { outcome: Outcome | null; note: string }>>(() =>
    Object.fromEntries(
      items.map((q) => {
        const r = c.review.find((x) => x.key === q.key);
        return [q.key, { outcome: r?.outcome ?? null, note: r?.note ?? '' }];
      }),
    ),
  );
  const chosen = Object.entries(checks).flatMap(([key, v]) => (v.outcome ? [{ key, outcome: v.outcome, note: v.note }] : []));
  const [record, setRecord] = useState('');
  const [writtenOn, setWrittenOn] = useState('');
  const save = async () => {
    const out = await n.review({ voterId: c.voterId, checks: chosen.map((v) => ({ key: v.key, outcome: v.outcome, ...(v.note.trim() ? { note: v.note.trim() } : {}) })) });
    if (out) toast('审查已记录', 'success');
  };
  const withdraw = async () => {
    const ok = await confirmDialog('候选人退出', `${c.name}书面申请退出后，将按得票由下一位递补；如已公布，需要重新公布。确定吗？`, '确定退出');
    if (!ok) return;
    const out = await n.withdraw(c.voterId, writtenOn.trim(), record);
    if (out) toast(out.refilledBy ? `由${out.refilledBy.name}递补` : '已退出', 'success');
  };
  return (
    <View className='card' data-testid='candidate' data-voter={c.voterId} data-status={c.status} data-reviewed={items.every((q) => c.review.some((r) => r.key === q.key)) ? 'yes' : 'no'}>
      <Text className='card-title'>
        {c.postLabel} · {c.votes}票
      </Text>
      <NomineeLine n={c} />
      {items.map((r) => (
        <View key={r.key} className='field'>
          <Text className='field-label'>
            {r.label}
            {checks[r.key]?.outcome ? '' : '（未审查）'}
          </Text>
          <Text className='field-hint'>依据：{r.source}</Text>
          <View className='btn-row'>
            {(Object.keys(OUTCOME) as Outcome[]).map((o) => (
              <Button key={o} className={'btn ' + (checks[r.key]?.outcome === o ? '' : 'plain')} id={`check-${c.voterId}-${r.key}-${o}`} onClick={() => setChecks({ ...checks, [r.key]: { outcome: o, note: checks[r.key]?.note ?? '' } })}>
                {OUTCOME[o]}
              </Button>
            ))}
          </View>
          <TextField id={`note-${c.voterId}-${r.key}`} label='理由和依据' value={checks[r.key]?.note ?? ''} onChange={(v) => setChecks({ ...checks, [r.key]: { outcome: checks[r.key]?.outcome ?? null, note: v } })} error={undefined} placeholder='如：派出所证明' maxlength={200} />
        </View>
      ))}
      <Button className={'btn' + (chosen.length === 0 ? ' disabled' : '')} id={`review-save-${c.voterId}`} disabled={chosen.length === 0 || undefined} onClick={() => void save()}>
        保存审查结果
      </Button>
      <FormError error={n.calls.review.error} testId='review-error' />
      {c.status !== 'withdrawn' ? (
        <View>
          <DateField id={`withdraw-date-${c.voterId}`} label='书面申请日期' value={writtenOn} onChange={setWrittenOn} error={n.calls.withdraw.error?.fields?.writtenOn} />
          <TextField id={`withdraw-record-${c.voterId}`} label='记录' value={record} onChange={setRecord} error={n.calls.withdraw.error?.fields?.record} placeholder='如：本人书面申请，已存档' maxlength={200} />
          <Button className='btn plain' id={`withdraw-${c.voterId}`} onClick={() => void withdraw()}>
            办理退出（递补下一位）
          </Button>
          <FormError error={n.calls.withdraw.error} testId='withdraw-error' />
        </View>
      ) : null}
    </View>
  );
}
