import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import { FormError } from '../../../../components/form-fields';
import { SelectionList, TallyChart, TieResolver } from '../../../../components/nomination-committee-parts';
import { ErrorView, Loading } from '../../../../components/state-views';
import type { ElectionView } from '../../../../hooks/session-store';
import { NomineeBallotList } from '../../../../components/nominee-ballots';
import { useNominationCommittee, useNomineeBallots } from '../../../../hooks/use-nomination-committee';
import { openCommitteePage } from '../../../../services/committee-nav';
import { toast } from '../../../../services/navigation';
import IrreversibleDialog from '../../../../components/irreversible-dialog';
import { candidatesStep, closeNominationsStep } from '../../../../hooks/committee-steps';
import { serverNow } from '../../../../hooks/use-countdown';
import { useIrreversibleStep } from '../../../../hooks/use-irreversible-step';
import { beijingDay } from '../../../../services/format';
import { openNoticeCompose } from '../../../../services/notice-navigation';

/**
 * 提名和候选人: live tally (counts only), 结束提名, ties at the cut line, then 公布正式候选人.
 * Review and withdrawal live on the candidates page; paper ballots on their own page. Tapping a
 * tally line shows the signed ballots naming that nominee (committee only), with 返回.
 */
export default function NominationsPage() {
  return <CommitteeGate>{({ electionId, election, clockOffsetMs }) => <Nominations electionId={electionId} election={election} today={beijingDay(serverNow(clockOffsetMs))} />}</CommitteeGate>;
}

function Nominations({ electionId, election, today }: { electionId: string; election: ElectionView; today: string }) {
  const n = useNominationCommittee(electionId);
  const step = useIrreversibleStep();
  const signed = useNomineeBallots(electionId);
  const t = n.tally.data;
  if (signed.shown) return <NomineeBallotList nominee={signed.shown.nominee} ballots={signed.shown.ballots} error={signed.error} onBack={signed.close} />;
  if (!t) return n.tally.error ? <ErrorView error={n.tally.error} onRetry={() => void n.tally.reload()} /> : <Loading />;
  const closeNow = async () => {
    if ((await step.ask(closeNominationsStep(electionId, election))) && (await n.close())) toast('提名已结束', 'success');
  };
  const publishNow = async () => {
    if (!n.selection) return;
    if ((await step.ask(candidatesStep(election, n.selection))) && (await n.publish())) toast('已公布', 'success');
  };
  const sel = n.selection;
  // Once closed, the committee's next task (ties, the list, publication) comes first; the counts follow.
  const tasks = sel ? <SelectionTasks n={n} sel={sel} onPublish={() => void publishNow()} /> : null;
  return (
    <View data-testid='nominations'>
      <IrreversibleDialog api={step} today={today} />
      {n.published ? <PublishedList published={n.published} /> : null}
      {tasks}
      <TallyChart tally={t} onOpen={(line) => void signed.open(line)} />
      <View className='btn-row'>
        <Button className='btn plain' id='tally-refresh' onClick={() => void n.tally.reload()}>
          刷新
        </Button>
        <Button className='btn plain' id='go-paper' onClick={() => openCommitteePage('paperNomination')}>
          录入纸质提名票
        </Button>
      </View>
      {!t.closed ? (
        <Button className={'btn' + (n.calls.close.pending ? ' disabled' : '')} id='close-nominations' onClick={() => void closeNow()}>
          结束提名
        </Button>
      ) : sel === null ? (
        <Button className='btn secondary' id='show-selection' onClick={() => void n.close()}>
          查看候选人名单
        </Button>
      ) : null}
      {sel ? null : <FormError error={n.calls.close.error} testId='close-error' />}
    </View>
  );
}

type Committee = ReturnType<typeof useNominationCommittee>;

function SelectionTasks({ n, sel, onPublish }: { n: Committee; sel: NonNullable<Committee['selection']>; onPublish: () => void }) {
  return (
    <View>
      {sel.problems
        .filter((p) => p.tied && p.tied.length)
        .map((p) => (
          <TieResolver key={p.post + p.reason} problem={p} pending={n.calls.close.pending} onResolve={(r) => void n.close(r)} />
        ))}
      {sel.problems
        .filter((p) => !p.tied || !p.tied.length)
        .map((p) => (
          <Text key={p.post + p.reason} className='notice error'>
            {p.message}
          </Text>
        ))}
      <FormError error={n.calls.close.error} testId='resolve-error' />
      <SelectionList selection={sel} />
      <Button className='btn secondary' id='go-candidates' onClick={() => openCommitteePage('candidates')}>
        资格审查和候选人退出
      </Button>
      <Button className={'btn' + (!sel.publishable || n.calls.publish.pending ? ' disabled' : '')} id='publish-candidates' onClick={onPublish}>
        公布正式候选人
      </Button>
      <FormError error={n.calls.publish.error} testId='publish-error' />
    </View>
  );
}

function PublishedList({ published }: { published: NonNullable<Committee['published']> }) {
  return (
    <View className='card' data-testid='published-list'>
      <Text className='card-title'>
        已公布（第{published.version}版，{published.order === 'stroke' ? '按姓氏笔画排列' : '按得票排列'}）
      </Text>
      {published.posts.map((p) => (
        <View key={p.post} data-post={p.post}>
          {/* The post reads as a heading, never as one more name in the column. */}
          <Text className='field-label strong'>
            {p.label}候选人（{p.names.length}名）
          </Text>
          {p.names.map((x) => (
            <Text className='text published-name' key={x.voterId}>
              {x.name}
            </Text>
          ))}
        </View>
      ))}
      <Text className='text small muted code'>计票校验码：{published.tallyRoot.slice(0, 16)}</Text>
      <Text className='text'>名单已定。下一步：发布《正式候选人名单》公告，让全体选民看到。</Text>
      <Button className='btn' id='go-candidates-notice' onClick={() => openNoticeCompose({ type: 'formalCandidates' })}>
        发布正式候选人名单公告
      </Button>
    </View>
  );
}
