/** 直接提名 replies shaped like src/contracts/nomination.contract.ts (the tests parse them with it). */
import type { OutputOf } from '../../src/contracts/define-action';
import type * as nominations from '../../src/contracts/nomination.contract';

type Form = OutputOf<typeof nominations.form>;
type Nominee = OutputOf<typeof nominations.searchNominees>['results'][number];

export const ELECTION_ID = 'el-qingxi-2026';

export const form: Form = {
  electionId: ELECTION_ID,
  title: '清溪村第十二届村民委员会换届选举',
  posts: [
    { post: 'director', label: '主任', seats: 1 },
    { post: 'deputy', label: '副主任', seats: 1 },
    { post: 'member', label: '委员', seats: 3 },
  ],
  window: { opensOn: '2026-06-01', closesOn: '2026-06-05', open: true, message: null, closesAt: '2026-06-05T16:00:00.000Z' },
  jointMinimum: 1,
  resubmission: 'replace',
  mine: null,
};

/** Two namesakes: only group, sex and birth year tell them apart (never ID digits). */
export const wangA: Nominee = { voterId: 'vt-0101', name: '王秀英', group: '第一村民小组', sex: 'F', birthYear: 1968 };
export const wangB: Nominee = { voterId: 'vt-0102', name: '王秀英', group: '第七村民小组', sex: 'F', birthYear: 1979 };

export const submitted: OutputOf<typeof nominations.submit> = {
  receipt: { code: 'NM7K-3QPA-X9TR', hash: 'a'.repeat(64), keyId: 'k-2026', signature: 'c2lnbmF0dXJl', submittedAt: '2026-06-03T02:30:00.000Z' },
  replaced: false,
  names: [
    { post: 'director', label: '主任', seats: 1, names: [wangB] },
    { post: 'deputy', label: '副主任', seats: 1, names: [] },
    { post: 'member', label: '委员', seats: 3, names: [] },
  ],
};

export const verified: OutputOf<typeof nominations.verifyReceipt> = {
  valid: true,
  problem: null,
  covers: { electionTitle: form.title, villageName: '清溪村', submittedAt: submitted.receipt.submittedAt, postsNamed: [{ label: '主任', count: 1 }] },
  receipt: submitted.receipt,
  inclusion: null,
};

export const altered: OutputOf<typeof nominations.verifyReceipt> = {
  valid: false,
  problem: '提名票的记录与回执不一致，记录可能被改动过，请立即告诉乡镇',
  covers: null,
  receipt: null,
  inclusion: null,
};
