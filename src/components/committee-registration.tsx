import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useActionCall, useActionData } from '../hooks/use-action';
import { refreshSession } from '../hooks/session-store';
import { openCommitteePage } from '../services/committee-nav';
import * as objectionCommittee from '../contracts/objection-committee.contract';
import * as roll from '../contracts/roll.contract';
import type { OutputOf } from '../services/contracts';
import { civilDate } from '../services/format';
import { toast } from '../services/navigation';
import { voterListStep } from '../hooks/committee-steps';
import type { ElectionView } from '../hooks/session-store';
import { useIrreversibleStep } from '../hooks/use-irreversible-step';
import IrreversibleDialog from './irreversible-dialog';

/** Dashboard: registration figures, the roll pages, publication of the voter list. */
export default function CommitteeRegistration({ electionId, election, today, reloadKey }: { electionId: string; election: ElectionView; today: string; reloadKey: string }) {
  const step = useIrreversibleStep();
  const stats = useActionData(roll.stats, { electionId }, `${electionId}:${reloadKey}`);
  const publish = useActionCall(objectionCommittee.publishVoterList);
  const [published, setPublished] = useState<{ count: number; lastDay: string; warning: string | null } | null>(null);
  const s = stats.data;

  const onPublish = async () => {
    if (!(await step.ask(voterListStep(electionId, election)))) return;
    const data = await publish.run({ electionId });
    if (!data) return;
    setPublished({ count: data.count, lastDay: data.objections.filingLastDay, warning: data.warning });
    toast('名单已公布', 'success');
    await stats.reload();
    await refreshSession();
  };

  return (
    <View>
      <IrreversibleDialog api={step} today={today} />
      <View className='card' data-testid='reg-stats'>
        <Text className='card-title'>选民登记</Text>
        {stats.error ? <Text className='notice error'>{stats.error.message}</Text> : null}
        {s ? <RegistrationFigures s={s} /> : null}
        <Button className='btn' id='open-roll' onClick={() => openCommitteePage('roll')}>
          选民名册
        </Button>
        <Button className='btn secondary' id='open-import' onClick={() => openCommitteePage('import')}>
          导入名册
        </Button>
        <Button className='btn secondary' id='open-approvals' onClick={() => openCommitteePage('roll', { category: 'C', status: 'pending' })}>
          外来人口审批{s ? `（${s.pendingC}人待审议）` : ''}
        </Button>
      </View>

      <View className='card' data-testid='publish'>
        <Text className='card-title'>选民名单</Text>
        {s?.voterListPublishedOn ? (
          <Text className='notice ok' data-testid='published'>
            已于{civilDate(s.voterListPublishedOn)}公布。
            {published ? `共${published.count}人，申诉可以提到${civilDate(published.lastDay)}。` : ''}
          </Text>
        ) : (
          <View>
            <Text className='text'>公布选民名单后开始计算申诉期限。名单上只有姓名和村民小组，不会公布身份证号码。</Text>
            <Button className={'btn' + (publish.pending ? ' disabled' : '')} id='publish-list' disabled={publish.pending || undefined} onClick={() => void onPublish()}>
              {publish.pending ? '正在公布…' : '公布选民名单'}
            </Button>
          </View>
        )}
        <PublishNotes warning={published?.warning ?? null} error={publish.error?.message ?? null} />
      </View>

      <ObjectionCard s={s} />
    </View>
  );
}

/** The publication's warning (published close to the statutory day) or its refusal. */
function PublishNotes({ warning, error }: { warning: string | null; error: string | null }) {
  return (
    <>
      {warning ? (
        <Text className='notice warn' data-testid='publish-warning'>
          {warning}
        </Text>
      ) : null}
      {error ? (
        <Text className='notice error' data-testid='publish-error'>
          {error}
        </Text>
      ) : null}
    </>
  );
}

type Stats = OutputOf<typeof roll.stats>;

function RegistrationFigures({ s }: { s: Stats }) {
  return (
    <View>
      <View className='figures'>
        <Fig label='已登记选民' value={s.registered} />
        <Fig label='A 户籍在本村' value={s.registeredByCategory.A} />
        <Fig label='B 外出已登记' value={s.registeredByCategory.B} />
        <Fig label='C 外来已登记' value={s.registeredByCategory.C} />
        <Fig label='本人已核对' value={s.confirmed} />
        <Fig label='外出已表示参加' value={s.migrantsDeclared} />
        <Fig label='外出待表示' value={s.pendingB} />
        <Fig label='外来待审议' value={s.pendingC} />
      </View>
      <Text className='text small muted'>
        名册共{s.total}人，已绑定微信{s.bound}人，其中外出选民在手机上表示参加{s.migrantsDeclaredInApp}人。
      </Text>
    </View>
  );
}

function ObjectionCard({ s }: { s: Stats | null | undefined }) {
  return (
    <View className='card' data-testid='objection-stats'>
      <Text className='card-title'>申诉</Text>
      {s ? (
        <View className='figures'>
          <Fig label='待处理' value={s.objections.open} />
          <Fig label='已处理' value={s.objections.decided} />
          <Fig label='超期' value={s.objections.overdue} />
        </View>
      ) : null}
      <Button className='btn' id='open-objections' onClick={() => openCommitteePage('objections')}>
        申诉处理
      </Button>
    </View>
  );
}

function Fig({ label, value }: { label: string; value: number }) {
  return (
    <View className='figure' data-figure={label}>
      <Text className='figure-num'>{value}</Text>
      <Text className='figure-label'>{label}</Text>
    </View>
  );
}
