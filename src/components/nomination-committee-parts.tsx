import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Resolution, Selection, Tally } from '../hooks/use-nomination-committee';
import { TextAreaField } from './form-fields';
import './nomination.scss';

/** 提名计票: counts per post as bars (counts only — never who nominated whom). */
/** With `onOpen`, each line is a target that opens that nominee's signed ballots. */
export function TallyChart({ tally, onOpen }: { tally: Tally; onOpen?: (line: { voterId: string; name: string }) => void }) {
  return (
    <View data-testid='tally-chart'>
      <View className='card'>
        <Text className='card-title'>提名票 {tally.ballots} 张</Text>
        <Text className='text'>
          有效 {tally.valid} · 无效 {tally.invalid} · 其中纸质 {tally.paper}
        </Text>
        {tally.recount ? (
          <Text className={'notice ' + (tally.recount.matches ? '' : 'error')} data-testid='recount'>
            {tally.recount.matches ? `按审计日志重新计票：${tally.recount.ballots} 张，结果一致 ✓` : '按审计日志重新计票，结果不一致！请立即联系乡镇。'}
          </Text>
        ) : null}
      </View>
      {tally.posts.map((p) => {
        const max = Math.max(1, ...p.lines.map((l) => l.votes));
        return (
          <View className='card' key={p.post} data-post={p.post}>
            <Text className='card-title'>
              {p.label}（{p.seats}名）
            </Text>
            {p.lines.length === 0 ? <Text className='text muted'>还没有人被提名</Text> : null}
            {p.lines.map((l) => (
              <View className={'bar-line' + (onOpen ? ' tappable' : '')} key={l.voterId} data-voter={l.voterId} onClick={onOpen ? () => onOpen({ voterId: l.voterId, name: l.name }) : undefined}>
                <Text className='text'>
                  {l.name}（{l.group}）{l.votes}票
                </Text>
                {onOpen ? <Text className='bar-more'> 看签名票 ›</Text> : null}
                <View className='bar-track'>
                  <View className='bar-fill' style={{ width: `${Math.round((100 * l.votes) / max)}%` }} />
                </View>
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}

type Problem = Selection['problems'][number];

/** 票数相同: the committee chooses among the tied (预选 or 抽签) and writes down the record. */
export function TieResolver({ problem, pending, onResolve }: { problem: Problem; pending: boolean; onResolve: (r: Resolution) => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [method, setMethod] = useState<Resolution['method']>('draw');
  const [record, setRecord] = useState('');
  const slots = problem.slots ?? 1;
  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : chosen.length < slots ? [...chosen, id] : chosen);
  return (
    <View className='card' data-testid='tie-resolver' data-post={problem.post}>
      <Text className='card-title'>票数相同，需要选举委员会决定</Text>
      <Text className='notice'>{problem.message}</Text>
      <Text className='text'>请选出 {slots} 人：</Text>
      {(problem.tied ?? []).map((t) => (
        <View key={t.voterId} className={'consent' + (chosen.includes(t.voterId) ? ' checked' : '')} role='checkbox' aria-checked={chosen.includes(t.voterId)} id={`tie-${t.voterId}`} onClick={() => toggle(t.voterId)}>
          <View className='checkbox'>{chosen.includes(t.voterId) ? '✓' : ''}</View>
          <Text className='consent-text'>
            {t.name}（{t.group}）{t.votes}票
          </Text>
        </View>
      ))}
      <View className='btn-row'>
        {(['preElection', 'draw'] as const).map((m) => (
          <Button key={m} className={'btn ' + (method === m ? '' : 'plain')} id={`tie-method-${m}`} onClick={() => setMethod(m)}>
            {m === 'draw' ? '抽签' : '预选'}
          </Button>
        ))}
      </View>
      <TextAreaField id='tie-record' label='会议记录' hint='写明时间、到会人员和结果' value={record} onChange={setRecord} error={undefined} placeholder='如：5月10日选举委员会会议，7人到会，抽签结果……' maxlength={200} />
      <Button
        className={'btn' + (pending || chosen.length !== slots ? ' disabled' : '')}
        id='tie-save'
        disabled={pending || chosen.length !== slots || undefined}
        onClick={() => onResolve({ post: problem.post as Resolution['post'], chosen, method, record })}
      >
        记录决定
      </Button>
    </View>
  );
}

/** The formal candidates per post as the selection stands (before publication). */
export function SelectionList({ selection }: { selection: Selection }) {
  return (
    <View data-testid='selection'>
      {selection.posts.map((p) => (
        <View className='card' key={p.post}>
          <Text className='card-title'>
            {p.label}：正式候选人 {p.target} 名（初步候选人 {p.initialCount} 名）
          </Text>
          {p.candidates.map((c) => (
            <Text className='text' key={c.voterId}>
              {c.name}（{c.group}）{c.votes}票{c.via === 'womanRule' ? ' · 妇女名额' : c.via === 'tieResolution' ? ' · 选举委员会决定' : ''}
              {c.status !== 'candidate' ? ` · ${STATUS[c.status]}` : ''}
            </Text>
          ))}
        </View>
      ))}
      <Text className='notice'>{selection.woman.message}</Text>
    </View>
  );
}

const STATUS = { candidate: '', flagged: '资格存疑', disqualified: '资格不符', withdrawn: '已退出' } as const;
