import { Button, Text, View } from '@tarojs/components';
import CountdownCard from '../../components/countdown-card';
import ElectionHeader from '../../components/election-header';
import NoticeHomeCard from '../../components/notice-home-card';
import ProxyHomeCard from '../../components/proxy-home-card';
import PageShell from '../../components/page-shell';
import { StateGate } from '../../components/state-views';
import Timeline, { type TimelineAction } from '../../components/timeline';
import TodoList from '../../components/todo-list';
import { pickElection, useSession } from '../../hooks/session-store';
import { isProxyWindowOpen } from '../../hooks/proxy-window';
import { openCommitteeDashboard, openTab } from '../../services/navigation';
import { openTownshipPage } from '../../services/township-nav';
import { openProxyPage } from '../../services/proxy-nav';
import { openVillagePage } from '../../services/village-nav';
import { timelineMarks } from '../../domain/calendar';
import { openTodos } from '../../domain/voter-todo';
import { serverNow } from '../../hooks/use-countdown';

/** 首页: the election at a glance. */
export default function HomePage() {
  const { status, whoami, mine, error, clockOffsetMs, reload } = useSession();

  if (status === 'idle' || !whoami || (status === 'error' && error)) {
    return (
      <PageShell>
        <StateGate ready={false} error={status === 'error' ? error : null} onRetry={reload}>
          {() => null}
        </StateGate>
      </PageShell>
    );
  }

  const election = pickElection(whoami);
  const bound = !!whoami?.voter;
  const proxyOpen = isProxyWindowOpen(election, clockOffsetMs) && bound;
  const todo = openTodos(mine?.todo ?? [], new Date(serverNow(clockOffsetMs)));
  const isCommittee = (whoami?.committeeOf.length ?? 0) > 0;
  const isTownship = whoami?.roles.includes('township') ?? false;
  // 直接提名 is open when its calendar row is in progress on the server's clock (no extra call).
  const nominationOpen = !!election && bound && nominationInProgress(election, clockOffsetMs);
  const nominate = () => openVillagePage('nominate', { electionId: election!.id });

  return (
    <PageShell>
      {election ? (
        <>
          <ElectionHeader election={election} />
          <CountdownCard election={election} clockOffsetMs={clockOffsetMs} onElapsed={reload} />
        </>
      ) : (
        <NoElection isCommittee={isCommittee} isTownship={isTownship} />
      )}
      {nominationOpen ? (
        <View className='card' data-testid='nominate-entry'>
          <Text className='card-title'>现在可以提名村委会成员候选人</Text>
          <Text className='text'>在手机上选人、签名，一分钟就好。</Text>
          <Button className='btn' id='go-nominate' onClick={nominate}>
            去提名
          </Button>
        </View>
      ) : null}
      {isCommittee ? (
        <Button className='btn' id='go-committee' onClick={openCommitteeDashboard}>
          选举委员会工作台
        </Button>
      ) : null}
      {isTownship ? (
        <Button className={isCommittee ? 'btn secondary' : 'btn'} id='go-township' onClick={() => openTownshipPage('overview')}>
          乡镇工作台
        </Button>
      ) : null}
      {!bound ? (
        // Committee members and township staff may be voters too, but binding is not their first job here.
        <Button className={isCommittee || isTownship ? 'btn secondary' : 'btn'} id='go-bind' onClick={() => openTab('registration')}>
          {isCommittee || isTownship ? '绑定我自己的选民身份' : '先绑定选民身份'}
        </Button>
      ) : null}
      {bound && mine && todo.length ? <TodoList todo={todo} onOpen={() => openTab('registration')} /> : null}
      {proxyOpen ? <ProxyHomeCard /> : null}
      {bound ? <NoticeHomeCard /> : null}
      <View className='spacer' />
      {election ? (
        <Timeline
          election={election}
          clockOffsetMs={clockOffsetMs}
          actions={{
            ...calendarLinks(bound),
            ...(nominationOpen ? { nomination: { id: 'timeline-nominate', label: '去提名', onClick: nominate } } : {}),
            ...(proxyOpen ? { proxyDeadline: { id: 'timeline-go-proxyDeadline', label: '去办理委托投票', onClick: () => openProxyPage('mine') } } : {}),
          }}
        />
      ) : null}
    </PageShell>
  );
}

function NoElection({ isCommittee, isTownship }: { isCommittee: boolean; isTownship: boolean }) {
  if (isTownship && !isCommittee) {
    return (
      <View className='card' data-testid='no-election'>
        <Text className='card-title'>您是乡镇（街道）工作人员</Text>
        <Text className='text'>各村的选举进度、超期没处理的申诉、重复登记的人，都在下面的“乡镇工作台”里。</Text>
      </View>
    );
  }
  if (isCommittee) {
    return (
      <View className='card' data-testid='no-election'>
        <Text className='card-title'>本村还没有创建选举</Text>
        <Text className='text'>您是村选举委员会成员。进入“选举委员会工作台”开始本届选举的准备工作。</Text>
      </View>
    );
  }
  const steps = [
    '找到村选举委员会发给您的《选民登记告知书》。没有收到的，请问村委会或村民小组长。',
    '点下面的“先绑定选民身份”，填写姓名、身份证号码和告知书上的绑定码。',
    '绑定以后，这里就会显示本村的选举日程和截止时间。',
  ];
  return (
    <View className='card' data-testid='no-election'>
      <Text className='card-title'>欢迎使用村选通</Text>
      <Text className='text'>这里能看到本村换届选举的进度和截止时间。先按下面三步绑定您的选民身份：</Text>
      {steps.map((s, i) => (
        <View className='steps-item' key={i}>
          <Text className='steps-num'>{i + 1}</Text>
          <Text className='text'>{s}</Text>
        </View>
      ))}
    </View>
  );
}

function nominationInProgress(election: NonNullable<ReturnType<typeof pickElection>>, clockOffsetMs: number): boolean {
  const i = election.calendar.findIndex((c) => c.key === 'nomination');
  return i >= 0 && timelineMarks(election.calendar, new Date(serverNow(clockOffsetMs)))[i] === 'now';
}

/** Calendar rows whose task lives on a tab page: 选民登记 and 申诉 on 我的登记, published lists on 公告. */
function calendarLinks(bound: boolean): Record<string, TimelineAction> {
  const registration = () => openTab('registration');
  return {
    registration: { id: 'timeline-go-registration', label: bound ? '看我的登记' : '去绑定选民身份', onClick: registration },
    ...(bound
      ? {
          objectionFiling: { id: 'timeline-go-objectionFiling', label: '去申诉', onClick: registration },
          objectionDecision: { id: 'timeline-go-objectionDecision', label: '看我的申诉', onClick: registration },
          candidateListPublication: { id: 'timeline-go-candidateListPublication', label: '看公告', onClick: () => openTab('notices') },
        }
      : {}),
  };
}
