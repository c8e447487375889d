/** Replies for the 公告 pages, shaped exactly like src/contracts/notice.contract.ts (checked in notice-list.test). */
import type { OutputOf } from '../../src/contracts/define-action';
import type { get, list } from '../../src/contracts/notice.contract';

export type NoticeListData = OutputOf<typeof list>;
export type NoticeGetData = OutputOf<typeof get>;

const HASH = '00d29222c24badc30d160f39d129cf0571f9420557bd8b2a0d8f280b26f76c0b';

const base = { body: '根据有关规定，现予公布。\n清溪村村民选举委员会', corrects: null, correctedBy: null, readAt: null };

export const voterListNotice: NoticeListData['notices'][number] = {
  ...base,
  id: 'n-voters',
  type: 'voterList',
  typeLabel: '选民名单公告',
  title: '清溪村选民名单公告',
  publishedAt: '2026-05-20T02:00:00.000Z',
  attachment: { kind: 'voterList', count: 250, hash: HASH },
  read: false,
};

export const oldNotice: NoticeListData['notices'][number] = {
  ...base,
  id: 'n-old',
  type: 'freeText',
  typeLabel: '公告',
  title: '关于换届选举工作安排的公告',
  publishedAt: '2026-05-01T02:00:00.000Z',
  attachment: null,
  read: true,
  readAt: '2026-05-02T02:00:00.000Z',
};

export const newerReadNotice: NoticeListData['notices'][number] = {
  ...oldNotice,
  id: 'n-day',
  type: 'electionDayPlaces',
  typeLabel: '选举日、时间和地点公告',
  title: '清溪村选举日公告',
  publishedAt: '2026-05-25T02:00:00.000Z',
};

export const noticeList: NoticeListData = {
  electionId: 'el-qingxi-2026',
  // Newest first, as the server sends them.
  notices: [newerReadNotice, voterListNotice, oldNotice],
  unread: 1,
  pushesOwed: 2,
  subscribeTemplateId: 'Xq3mD8vTnoticeTemplate01',
};

export const noticeGet: NoticeGetData = {
  notice: {
    ...voterListNotice,
    correctedBy: 'n-fix',
    checkpoint: { seq: 42, hash: 'ab12cd34'.repeat(8), at: '2026-05-20T02:00:00.000Z', keyId: 'ed25519:0123456789abcdef', signature: 'c2lnbmF0dXJl' },
  },
  attachment: {
    kind: 'voterList',
    count: 250,
    hash: HASH,
    page: 1,
    pageSize: 100,
    pages: 3,
    entries: [
      { no: 1, name: '丁伟', group: '第一村民小组' },
      { no: 2, name: '王秀英', group: '第三村民小组' },
    ],
  },
};
