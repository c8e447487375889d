import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { ConsentField, FormError, TextField } from '../../../../components/form-fields';
import NomineePicker from '../../../../components/nominee-picker';
import type { ElectionView } from '../../../../hooks/session-store';
import { usePaperNomination } from '../../../../hooks/use-nomination-committee';
import type { Choices } from '../../../../hooks/use-nomination';
import { toast } from '../../../../services/navigation';
import '../../../../components/nomination.scss';

/** 录入纸质提名票: a returned paper form or one written for the voter (代写), into the same count. */
export default function PaperNominationPage() {
  return <CommitteeGate>{({ electionId, election }) => <PaperForm electionId={electionId} election={election} />}</CommitteeGate>;
}

function PaperForm({ electionId, election }: { electionId: string; election: ElectionView }) {
  const call = usePaperNomination();
  const [voterId, setVoterId] = useState('');
  const [voterName, setVoterName] = useState('');
  const [scanRef, setScanRef] = useState('');
  const [assisted, setAssisted] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [invalidReason, setInvalidReason] = useState('');
  const [choices, setChoices] = useState<Choices>({});
  const [last, setLast] = useState<string | null>(null);
  const f = call.error?.fields ?? {};
  const save = async () => {
    const names: Record<string, string[]> = {};
    for (const [post, list] of Object.entries(choices)) if (list?.length) names[post] = list.map((x) => x.voterId);
    const out = await call.run({ electionId, voterId: voterId.trim(), voterName: voterName.trim(), names, valid: !invalid, ...(invalid ? { invalidReason } : {}), scanRef, assisted });
    if (!out) return;
    setLast(`${voterName} 的纸质票已录入（${out.valid ? '有效' : '无效'}），回执编号 ${out.receiptCode}`);
    toast('已录入', 'success');
    setVoterId('');
    setVoterName('');
    setScanRef('');
    setChoices({});
  };
  return (
    <View data-testid='paper-nomination'>
      {last ? <Text className='notice' data-testid='paper-saved'>{last}</Text> : null}
      <View className='card'>
        <TextField id='paper-voter-id' label='投票人的选民编号' hint='在选民名单上查到' value={voterId} onChange={setVoterId} error={f.voterId} placeholder='选民编号' maxlength={64} />
        <TextField id='paper-voter-name' label='投票人姓名' hint='与选民名单核对' value={voterName} onChange={setVoterName} error={f.voterName} placeholder='姓名' />
        <TextField id='paper-scan-ref' label='纸质票编号或扫描件编号' value={scanRef} onChange={setScanRef} error={f.scanRef} placeholder='如：三组-017' maxlength={60} />
        <ConsentField id='paper-assisted' checked={assisted} onToggle={() => setAssisted(!assisted)} error={undefined} text='代写：本人口述，工作人员代为填写' />
        <ConsentField id='paper-invalid' checked={invalid} onToggle={() => setInvalid(!invalid)} error={undefined} text='这张票无效（计为无效票）' />
        {invalid ? <TextField id='paper-invalid-reason' label='无效原因' value={invalidReason} onChange={setInvalidReason} error={f.invalidReason} placeholder='如：提名人数超过名额' maxlength={100} /> : null}
      </View>
      {election.posts.map((p) => (
        <NomineePicker key={p.post} electionId={electionId} postLabel={p.label} seats={p.seats} chosen={choices[p.post] ?? []} onChange={(list) => setChoices({ ...choices, [p.post]: list })} />
      ))}
      <FormError error={call.error} testId='paper-error' />
      <Button className={'btn' + (call.pending ? ' disabled' : '')} id='paper-save' onClick={() => void save()}>
        录入这张票
      </Button>
    </View>
  );
}
