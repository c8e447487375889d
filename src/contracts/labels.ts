import { NOTICE_TYPE_NAMES } from '../domain/notice-type';

/** Chinese labels shared by the functions' replies and the pages. */
export const CATEGORY_LABELS = {
  A: '户籍在本村、居住在本村',
  B: '户籍在本村、外出居住（需本人表示参加选举）',
  C: '户籍不在本村、在本村居住（需申请并经村民会议同意）',
} as const;

/** Category B once the person has declared: the entry no longer asks for the declaration. */
export const CATEGORY_B_DECLARED_LABEL = '户籍在本村、外出居住（本人已表示参加选举）';

export const STATUS_LABELS = {
  pending: '待确认参加选举',
  registered: '已登记',
  deprived: '被剥夺政治权利',
  deceased: '已去世',
  movedAway: '已迁出',
  unableToExercise: '无法行使选举权',
} as const;

export const POST_LABELS = { director: '主任', deputy: '副主任', member: '委员' } as const;

/** Roles inside the 村（居）民选举委员会 (src/contracts/common.schema.ts memberRoleSchema). */
export const MEMBER_ROLE_LABELS = { director: '主任', member: '委员', clerk: '办事员' } as const;

/** Why a committee membership was revoked. */
export const REVOKE_REASON_LABELS = { TOWNSHIP: '乡镇撤销', CANDIDATE: '被提名为候选人，退出选举委员会' } as const;

/** 申诉 kinds (RULES.md §1). */
export const OBJECTION_KIND_LABELS = {
  missingPerson: '漏登（应当列入名单的人没有列入）',
  wrongPerson: '错登（不应当列入名单的人列入了）',
  wrongDetails: '登记信息有误',
} as const;

export const OBJECTION_STATUS_LABELS = { open: '待处理', upheld: '申诉成立', rejected: '申诉不成立' } as const;

export const LIST_CHANGE_LABELS = {
  addVoter: '列入选民名单',
  registerVoter: '补办登记，列入选民名单',
  reinstateVoter: '恢复列入选民名单',
  removeVoter: '从选民名单中除名',
  correctDetails: '更正登记信息',
} as const;

export const WRONG_FIELD_LABELS = { name: '姓名', group: '村民小组', idNumber: '身份证号码', category: '登记类别', status: '登记状态', other: '其他' } as const;

/** 公告 types (RULES.md §6): named in the domain, which refuses a title claiming another type. */
export const NOTICE_TYPE_LABELS = NOTICE_TYPE_NAMES;

/** 村民选举委员会 roles (RULES.md §2). */
export const COMMITTEE_ROLE_LABELS = { chair: '主任', viceChair: '副主任', member: '委员' } as const;

/** Who chose the 村民选举委员会 (RULES.md §2). */
export const COMMITTEE_CHOSEN_BY_LABELS = { villagerMeeting: '村民会议', representativeMeeting: '村民代表会议', groupMeetings: '各村民小组会议' } as const;

/** 村民会议 / 村民代表会议: the meeting that decides a category C application (RULES.md §1). */
export const MEETING_LABELS = { villagerMeeting: '村民会议', representativeMeeting: '村民代表会议' } as const;

/** How a migrant (category B) declared participation. */
export const DECLARATION_CHANNEL_LABELS = {
  app: '本人在小程序上表示',
  inPerson: '本人当面向选举委员会表示',
  phone: '本人电话向选举委员会表示',
  objection: '本人在申诉中表示',
} as const;

/** township.duplicates: what was refused because the person is registered in another village. */
export const DUPLICATE_SOURCE_LABELS = {
  import: '导入名册',
  application: '本人在小程序上申请登记（C类）',
  declaration: '本人在小程序上表示参加选举（B类）',
  committee: '选举委员会登记（记录本人表示参加、会议同意或恢复）',
  objection: '申诉成立后列入名单',
} as const;

/** committee.importRoll per-row outcome. */
export const IMPORT_ROW_STATUS_LABELS = { created: '新登记', updated: '已更新', unchanged: '无变化', rejected: '未导入' } as const;

/** committee.importRoll per-row reasons, short form for the report's summary line. */
export const ROLL_REASON_LABELS = {
  MISSING_FIELD: '缺少必填项',
  BAD_NAME: '姓名不对',
  ID_LENGTH: '身份证号码位数不对',
  ID_CHARS: '身份证号码有非法字符',
  ID_CHECK_DIGIT: '身份证号码校验位不对',
  ID_BIRTH_DATE: '身份证号码中的出生日期不对',
  UNDER_18: '选举日未满18周岁',
  UNKNOWN_GROUP: '不是本村的小组',
  BAD_CATEGORY: '类别看不懂',
  BAD_DATE: '日期不对',
  DUPLICATE_IN_FILE: '文件中重复',
  DOUBLE_REGISTRATION: '已在别的村登记',
} as const;
