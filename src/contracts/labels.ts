/** Chinese labels shared by the functions' replies and the pages. */
export const CATEGORY_LABELS = {
  A: '户籍在本村、居住在本村',
  B: '户籍在本村、外出居住（需本人表示参加选举）',
  C: '户籍不在本村、在本村居住（需申请并经村民会议同意）',
} as const;

export const STATUS_LABELS = {
  pending: '待确认参加选举',
  registered: '已登记',
  deprived: '被剥夺政治权利',
  deceased: '已去世',
  movedAway: '已迁出',
  unableToExercise: '无法行使选举权',
} as const;

export const POST_LABELS = { director: '主任', deputy: '副主任', member: '委员' } as const;
