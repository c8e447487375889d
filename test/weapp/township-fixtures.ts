/**
 * 乡镇 replies shaped exactly like the contracts (checked against the zod schemas in the tests
 * that use them): two villages, one with objections decided late, and one duplicate.
 */
import type { OutputOf } from '../../src/contracts';
import type { township } from '../../src/contracts';
import { election, SERVER_NOW, type WhoamiData } from './fixtures';

export const whoamiTownship: WhoamiData = { roles: ['township'], voter: null, committeeOf: [], elections: [], bindLockedUntil: null, askedElection: null };

export const overview: OutputOf<typeof township.overview> = {
  today: '2026-05-06',
  villages: [
    {
      villageId: 'v-qingxi',
      villageName: '清溪村',
      kind: 'village',
      election: { id: election.id, title: election.title, electionDay: election.electionDay, phase: 'registration', phaseLabel: '选民登记', next: election.next },
      voters: { onRoll: 2700, registered: 2160, pending: 520 },
      voterList: { published: false, publishedOn: null, noticeId: null, count: null },
      objections: { open: 0, decided: 0, overdue: 0 },
    },
    {
      villageId: 'v-songlin',
      villageName: '松林村',
      kind: 'village',
      election: {
        id: 'el-songlin-2026',
        title: '松林村第十二届村民委员会换届选举',
        electionDay: '2026-05-24',
        phase: 'objections',
        phaseLabel: '选民名单公布和申诉',
        next: { key: 'objectionDecision', label: '申诉处理决定', deadline: '2026-05-12T16:00:00.000Z' },
      },
      voters: { onRoll: 1200, registered: 1100, pending: 80 },
      voterList: { published: true, publishedOn: '2026-05-01', noticeId: 'n-songlin-1', count: 1100 },
      objections: { open: 3, decided: 4, overdue: 2 },
    },
    {
      villageId: 'v-xinhe',
      villageName: '新河社区',
      kind: 'community',
      election: null,
      voters: { onRoll: 0, registered: 0, pending: 0 },
      voterList: { published: false, publishedOn: null, noticeId: null, count: null },
      objections: { open: 0, decided: 0, overdue: 0 },
    },
  ],
  totals: { villages: 3, registered: 3260, objectionsOpen: 3, objectionsOverdue: 2 },
};

const duplicate = {
  id: 'v-songlin:a1b2c3d4',
  name: '张秀兰',
  birthDate: '1958-01-01',
  village: { id: 'v-songlin', name: '松林村' },
  registeredIn: { id: 'v-qingxi', name: '清溪村' },
  source: 'import' as const,
  importId: 'imp-1',
  fileName: '松林村选民登记表.xlsx',
  row: 2,
  firstAt: '2026-05-05T02:00:00.000Z',
  lastAt: SERVER_NOW,
  attempts: 2,
  resolvedAt: null,
};

export const duplicatesOpen: OutputOf<typeof township.duplicates> = { total: 1, rows: [duplicate] };
export const duplicatesAll: OutputOf<typeof township.duplicates> = {
  total: 3,
  rows: [
    duplicate,
    {
      ...duplicate,
      id: 'v-songlin:e5f6a7b8',
      name: '周新来',
      birthDate: '1958-01-01',
      source: 'application',
      importId: null,
      fileName: null,
      row: null,
      attempts: 1,
      resolvedAt: '2026-05-06T03:00:00.000Z',
    },
    {
      ...duplicate,
      id: 'v-songlin:c9d0e1f2',
      name: '吴外出',
      birthDate: '1958-01-01',
      source: 'declaration',
      importId: null,
      fileName: null,
      row: null,
      attempts: 1,
    },
  ],
};
