import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import RosterCard from '../../../../components/setup-roster-card';
import VotingCard from '../../../../components/setup-voting-card';
import { useActionData } from '../../../../hooks/use-action';
import { serverNow } from '../../../../hooks/use-countdown';
// The committee contract stays out of the main package (services/contracts): this page imports it here.
import * as committee from '../../../../contracts/committee.contract';
import { beijingDay, civilDate } from '../../../../services/format';
import { openNoticeCompose } from '../../../../services/notice-navigation';
import './index.scss';

/**
 * 选举设置: the 村民选举委员会 roster and the election-day arrangements (投票时间, 中心会场,
 * 投票站, 流动票箱 with their 监票人员), which the typed notices announce. Each card saves on its
 * own through committee.updateElection; the server checks every rule and its refusal is shown
 * in plain Chinese next to the button. A section that can no longer change says why. Dates and
 * times are picked, never typed.
 */
export default function ElectionSetupPage() {
  return <CommitteeGate>{({ electionId, clockOffsetMs }) => <SetupForms electionId={electionId} today={beijingDay(serverNow(clockOffsetMs))} />}</CommitteeGate>;
}

function SetupForms({ electionId, today }: { electionId: string; today: string }) {
  const current = useActionData(committee.updateElection, { electionId }, electionId);
  if (!current.data) {
    return current.error ? <Text className='notice error'>{current.error.message}</Text> : <Text className='text muted'>正在读取…</Text>;
  }
  const s = current.data;
  return (
    <View data-testid='election-setup'>
      <View className='card'>
        <Text className='card-title'>选举设置</Text>
        <Text className='text'>选举日：{civilDate(s.election.electionDay, true)}</Text>
        <Text className='text small muted'>这里填写选举委员会成员和投票安排。填好后可以发布“选举委员会成员公告”“选举日、时间和地点公告”和“投票站和流动票箱公告”。</Text>
        <Button className='btn secondary' id='setup-go-compose' onClick={() => openNoticeCompose()}>
          去发布公告
        </Button>
      </View>
      <View className='cols'>
        <RosterCard electionId={electionId} setup={s} today={today} onSaved={current.setData} />
        <VotingCard electionId={electionId} setup={s} onSaved={current.setData} />
      </View>
    </View>
  );
}
