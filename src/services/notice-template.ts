/**
 * The subscribe-message template for notices. The deployment picks one from the WeChat
 * template library (公众平台 → 订阅消息) with the keywords thing1 公告标题 · time2 发布时间 ·
 * thing3 温馨提示 (server/push/notice-message.ts) and puts its id here before building.
 */
export const NOTICE_TEMPLATE_ID = 'cxtNoticeTemplate01';
