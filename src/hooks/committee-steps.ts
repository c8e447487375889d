/**
 * The irreversible committee steps and what each would cut off, counted by the server when the
 * dialog opens (committee.stats, committee.tally, committee.listProxies — reads only).
 */
import * as candidates from '../contracts/candidate.contract';
import * as proxyCommittee from '../contracts/proxy-committee.contract';
import { callAction } from '../services/api';
import * as roll from '../contracts/roll.contract';
import type { ElectionView } from './session-store';
import type { Selection } from './use-nomination-committee';
import type { CutOff, IrreversibleStep } from './use-irreversible-step';
import type { ErrEnvelope } from '../services/contracts';

const dayOf = (election: ElectionView, key: string, field: 'lastDay' | 'opensOn' = 'lastDay') => election.calendar.find((c) => c.key === key)?.[field] ?? null;
const dated = (label: string, day: string | null) => (day ? { label, day } : null);

type Counted = { cutOffs: CutOff[]; note?: string };
/** A step's counts from one read: a refusal is shown in the dialog, the data becomes the cut-offs. */
async function countedFrom<T>(reply: Promise<{ ok: true; data: T } | ErrEnvelope>, count: (data: T) => Counted): ReturnType<IrreversibleStep['load']> {
  const r = await reply;
  return r.ok ? { ok: true, ...count(r.data) } : { ok: false, error: r };
}

/** 公布选民名单: registration closes for every migrant who has not declared and every undecided application. */
export function voterListStep(electionId: string, election: ElectionView): IrreversibleStep {
  return {
    id: 'publishVoterList',
    title: '公布选民名单',
    effect: '公布后名单就冻结了：登记截止，之后的改动只能通过申诉处理。名单只公布姓名和村民小组。',
    planned: dated('登记原定截止', dayOf(election, 'registration')),
    lastDay: dated('法定最晚公布日', dayOf(election, 'voterListPublication')),
    confirmText: '公布',
    load: () =>
      countedFrom(callAction(roll.stats, { electionId }), (s) => ({
        cutOffs: [
          { key: 'pendingB', label: '外出选民还没表示参加', count: s.pendingB, unit: '人' },
          { key: 'pendingC', label: '外来人口申请还没审议', count: s.pendingC, unit: '件' },
          { key: 'objectionsOpen', label: '申诉还没处理', count: s.objections.open, unit: '件' },
        ],
        note: `现在已登记${s.registered}人，公布的就是这些人。`,
      })),
  };
}

/** 结束提名: nobody can nominate or change a nomination afterwards, paper ballots included. */
export function closeNominationsStep(electionId: string, election: ElectionView): IrreversibleStep {
  return {
    id: 'closeNominations',
    title: '结束提名',
    effect: '结束后，任何人都不能再提名或改提名（包括纸质提名票），按现在的票确定初步和正式候选人。',
    planned: dated('提名原定截止', dayOf(election, 'nomination')),
    lastDay: dated('正式候选人法定最晚公布日', dayOf(election, 'candidateListPublication')),
    confirmText: '结束提名',
    // The server cannot know of paper ballots still in a drawer: the clerk says so explicitly.
    alwaysTick: '收到的纸质提名票都已经录入，我确认结束提名。',
    load: () =>
      countedFrom(callAction(candidates.tally, { electionId }), (t) => ({
        cutOffs: [{ key: 'invalid', label: '无效票（不计入）', count: t.invalid, unit: '张' }],
        note: `现在共${t.ballots}张提名票，其中纸质${t.paper}张、有效${t.valid}张。`,
      })),
  };
}

/**
 * 公布正式候选人: the list goes out to every voter; a later change means publishing again. The
 * counts come from the selection the server last returned (closeNominations / reviewCandidate).
 */
export function candidatesStep(election: ElectionView, selection: Selection): IrreversibleStep {
  const all = selection.posts.flatMap((p) => p.candidates);
  return {
    id: 'publishCandidates',
    title: '公布正式候选人',
    effect: '名单按姓氏笔画排列，生成公告推送给全体选民；公布后有候选人退出的，要递补后重新公布。',
    planned: null,
    lastDay: dated('法定最晚公布日', dayOf(election, 'candidateListPublication')),
    confirmText: '公布',
    load: () =>
      Promise.resolve({
        ok: true as const,
        cutOffs: [
          { key: 'flagged', label: '资格审查存疑、还没定论的候选人', count: all.filter((c) => c.status === 'flagged').length, unit: '人' },
          { key: 'problems', label: '还没解决的问题（票数相同、人数不足）', count: selection.problems.length, unit: '个' },
        ],
        note: `正式候选人共${all.filter((c) => c.status === 'candidate' || c.status === 'flagged').length}人。`,
      }),
  };
}

/** 公布委托投票名单: requests still waiting for the proxy or for the committee miss this list. */
export function proxyListStep(electionId: string, election: ElectionView): IrreversibleStep {
  return {
    id: 'publishProxyList',
    title: '公布委托投票名单',
    effect: '委托人和受托人的姓名、小组作为公告贴出并推送给村民；公布后再批准或撤销的，要再公布一次。',
    planned: dated('委托截止', dayOf(election, 'proxyDeadline')),
    lastDay: dated('选举日（须在这天之前公布）', election.electionDay),
    confirmText: '公布',
    load: async () => {
      const [requested, accepted] = await Promise.all([
        callAction(proxyCommittee.listProxies, { electionId, status: 'requested', limit: 1 }),
        callAction(proxyCommittee.listProxies, { electionId, status: 'accepted', limit: 1 }),
      ]);
      if (!requested.ok) return { ok: false, error: requested };
      if (!accepted.ok) return { ok: false, error: accepted };
      return {
        ok: true,
        cutOffs: [
          { key: 'requested', label: '委托还在等受托人确认', count: requested.data.total, unit: '件' },
          { key: 'accepted', label: '委托还没审核', count: accepted.data.total, unit: '件' },
        ],
      };
    },
  };
}
