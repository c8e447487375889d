/** The kinds of 公告 and their names (RULES.md §6): the keys the store and the wire use. */
export const NOTICE_TYPE_KEYS = [
  'committeeMembers',
  'electionDayPlaces',
  'voterList',
  'objectionResults',
  'nominationWindow',
  'formalCandidates',
  'proxyList',
  'pollingStations',
  'results',
  'freeText',
] as const;
export type NoticeTypeKey = (typeof NOTICE_TYPE_KEYS)[number];

/** 公告 types by their names (RULES.md §6): the refusals here and the labels of contracts/labels.ts. */
export const NOTICE_TYPE_NAMES = {
  committeeMembers: '村民选举委员会成员公告',
  electionDayPlaces: '选举日、时间和地点公告',
  voterList: '选民名单公告',
  objectionResults: '申诉处理结果公告',
  nominationWindow: '提名时间公告',
  formalCandidates: '正式候选人名单公告',
  proxyList: '委托投票公告',
  pollingStations: '投票站和流动票箱公告',
  results: '选举结果公告',
  freeText: '公告',
} as const satisfies Record<NoticeTypeKey, string>;
