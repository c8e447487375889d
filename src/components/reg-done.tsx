import type { ElectionSummary, MyObjectionView, VoterView } from '../services/contracts';
import { civilDate } from '../services/format';
import TaskDone from './task-done';
import { awaitsDeclaration } from '../domain/voter-todo';

/** A registration task just finished, with what its finish box needs. */
export type RegDone =
  | { kind: 'bind'; at: number; voter: VoterView }
  | { kind: 'apply'; at: number }
  | { kind: 'confirm'; at: string }
  | { kind: 'declare'; on: string }
  | { kind: 'objection'; objection: MyObjectionView };

type Calendar = Pick<ElectionSummary, 'calendar' | 'electionDay'> | null;

const step = (e: Calendar, key: string) => e?.calendar.find((c) => c.key === key);

/** 选举日是…: the one date every finish box ends on. */
function electionDayText(e: Calendar): string {
  return e ? `选举日是${civilDate(e.electionDay)}，请带上身份证去投票。` : '';
}

/** When the list comes out, or that it is already out. */
function listText(e: Calendar): string {
  const p = step(e, 'voterListPublication');
  if (!p) return '';
  return p.doneOn ? `选民名单已经在${civilDate(p.doneOn)}公布。` : `选民名单最晚在${civilDate(p.lastDay)}公布，公布后可以在“公告”里找到您的名字。`;
}

function bindNext(voter: VoterView, e: Calendar): string {
  if (awaitsDeclaration(voter)) return `下面还有一步：外出的村民要本人表示参加选举，在这一页点“我要参加本届选举”。${listText(e)}`;
  if (!voter.confirmed) return `请看一下您的登记信息，都对就点“信息无误，确认”。${electionDayText(e)}`;
  return electionDayText(e);
}

/** The finish box of a registration task: what was done, when, what comes next. */
export default function RegDoneBox({ done, election, onBack }: { done: RegDone; election: Calendar; onBack: () => void }) {
  switch (done.kind) {
    case 'bind':
      return <TaskDone testId='bind-done' title='绑定好了' done={`这个微信已经和${done.voter.name}（${done.voter.group}）的选民登记绑定。`} at={done.at} next={bindNext(done.voter, election)} onBack={onBack} />;
    case 'apply':
      return (
        <TaskDone
          testId='apply-done'
          title='登记申请已提交'
          done='您在本村登记参加选举的申请已经交给村选举委员会。'
          at={done.at}
          next={`要等村民会议或村民代表会议同意，才列入选民名单；结果可以在这一页看到，也可以问村选举委员会。${listText(election)}`}
          onBack={onBack}
        />
      );
    case 'confirm':
      return <TaskDone testId='confirm-done' title='登记信息已确认' done='您确认了自己的选民登记信息没有错。' at={done.at} next={`${listText(election)}${electionDayText(election)}`} onBack={onBack} />;
    case 'declare':
      return (
        <TaskDone
          testId='declare-done'
          title='已表示参加本届选举'
          done='您已经表示参加本届选举，已列入选民登记。'
          at={{ day: done.on }}
          next={`${listText(election)}选举日回不来的，可以在“首页”委托一位亲属替您投票。${electionDayText(election)}`}
          onBack={onBack}
        />
      );
    case 'objection':
      return (
        <TaskDone
          testId='objection-done'
          title='申诉已提交'
          done={`您的第${done.objection.no}号申诉（${done.objection.kindLabel}：${done.objection.subject.name}）已经交给村选举委员会。`}
          at={done.objection.filedAt}
          next={`选举委员会要在${civilDate(done.objection.decisionLastDay)}以前书面答复，答复会显示在这一页的“我的申诉”里。`}
          onBack={onBack}
        />
      );
  }
}
