import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { TextField } from '../../../../components/form-fields';
import { personText } from '../../../../components/proxy-parts';
import '../../../../components/proxy.scss';
import { useCertificateScan, useCheckIn, useCheckInSearch } from '../../../../hooks/use-proxy-committee';
import type * as proxyCommittee from '../../../../contracts/proxy-committee.contract';
import type * as roll from '../../../../contracts/roll.contract';
import type { ErrEnvelope, OutputOf } from '../../../../services/contracts';
import { civilDate } from '../../../../services/format';

type Outcome = OutputOf<typeof proxyCommittee.checkIn>;
type Mode = 'inPerson' | 'proxyBallot';

/** What the desk reads at arm's length: the outcome in two words, then the server's sentence. */
const HEADLINE: Record<Outcome['outcome'], string> = {
  recorded: '本人投票，已登记',
  proxyVoided: '本人投票 → 委托作废',
  ballotIssued: '受托人代领 → 已登记，再次使用会被拒绝',
};

/** 选举日登记: a voter in person (voids their proxy), or a proxy's ballot by certificate (once). */
export default function CheckInPage() {
  return <CommitteeGate>{({ electionId }) => <Desk electionId={electionId} />}</CommitteeGate>;
}

function Desk({ electionId }: { electionId: string }) {
  const [mode, setMode] = useState<Mode>('inPerson');
  const call = useCheckIn();
  const [result, setResult] = useState<{ ok: Outcome } | { refused: ErrEnvelope } | null>(null);

  const checkIn = async (input: { voterId: string } | { certificate: string }) => {
    setResult(null);
    const r = await call.run({ electionId, kind: mode, ...input });
    if (r) setResult({ ok: r });
  };
  const refused = call.error && !result ? call.error : null;

  return (
    <View>
      <View className='card'>
        <Text className='card-title'>选举日登记</Text>
        <View className='chips'>
          <View className={'chip' + (mode === 'inPerson' ? ' on' : '')} id='mode-in-person' onClick={() => setMode('inPerson')}>
            本人来投票
          </View>
          <View className={'chip' + (mode === 'proxyBallot' ? ' on' : '')} id='mode-proxy' onClick={() => setMode('proxyBallot')}>
            受托人代领选票
          </View>
        </View>
      </View>
      {result && 'ok' in result ? <OutcomeView o={result.ok} /> : null}
      {refused ? (
        <View className='card' data-testid='checkin-refused' data-code={refused.reason ?? refused.code}>
          <Text className='checkin-outcome refused'>不能登记</Text>
          <Text className='text strong'>{refused.message}</Text>
        </View>
      ) : null}
      {mode === 'inPerson' ? <VoterSearch electionId={electionId} pending={call.pending} onPick={(voterId) => void checkIn({ voterId })} /> : <CertificateEntry pending={call.pending} onCode={(certificate) => void checkIn({ certificate })} />}
    </View>
  );
}

function OutcomeView({ o }: { o: Outcome }) {
  return (
    <View className='card' data-testid='checkin-outcome' data-outcome={o.outcome}>
      <Text className='checkin-outcome ok'>{HEADLINE[o.outcome]}</Text>
      <Text className='text strong'>{personText(o.voter)}</Text>
      <Text className='text'>{o.message}</Text>
      {o.authorization?.certificateNo ? <Text className='text small'>委托投票证：{o.authorization.certificateNo}</Text> : null}
    </View>
  );
}

function VoterSearch({ electionId, pending, onPick }: { electionId: string; pending: boolean; onPick: (voterId: string) => void }) {
  const search = useCheckInSearch(electionId);
  const [name, setName] = useState('');
  const [rows, setRows] = useState<OutputOf<typeof roll.listVoters>['rows'] | null>(null);
  const find = async () => {
    const r = await search.search(name);
    if (r) setRows(r.rows);
  };
  return (
    <View className='card' data-testid='checkin-search'>
      <TextField id='checkin-name' label='选民姓名' hint='核对身份证后再点名字' value={name} onChange={setName} error={search.error?.fields?.name} placeholder='例如 李志强' />
      <Button className='btn secondary' id='checkin-find' disabled={search.pending || undefined} onClick={() => void find()}>
        查找
      </Button>
      {rows && rows.length === 0 ? <Text className='notice warn'>选民名单上没有这个名字。</Text> : null}
      {(rows ?? []).map((v) => (
        <View key={v.id} className='choice' id={`checkin-voter-${v.id}`} data-voter={v.id} onClick={() => !pending && onPick(v.id)}>
          <Text className='choice-body text'>
            {v.name}（{v.group}，{v.sex === 'M' ? '男' : '女'}，{civilDate(v.birthDate, true, false)}出生）
          </Text>
        </View>
      ))}
    </View>
  );
}

function CertificateEntry({ pending, onCode }: { pending: boolean; onCode: (code: string) => void }) {
  const { canScan, scan, message } = useCertificateScan();
  const [code, setCode] = useState('');
  const doScan = async () => {
    const text = await scan();
    if (text) onCode(text);
  };
  return (
    <View className='card' data-testid='checkin-certificate'>
      {canScan ? (
        <Button className='btn' id='checkin-scan' disabled={pending || undefined} onClick={() => void doScan()}>
          扫委托投票证上的二维码
        </Button>
      ) : null}
      {message ? <Text className='notice warn'>{message}</Text> : null}
      <TextField id='checkin-code' label={canScan ? '或输入委托投票证编号' : '输入委托投票证编号'} value={code} onChange={setCode} error={undefined} placeholder='证上印的编号，如 W001' maxlength={40} />
      <Button className={canScan ? 'btn secondary' : 'btn'} id='checkin-code-go' disabled={pending || !code.trim() || undefined} onClick={() => onCode(code.trim())}>
        登记代领
      </Button>
    </View>
  );
}
