/** 个人信息保护法 第二十八、二十九条: the purpose statement the bind consent refers to. */
export const BIND_PURPOSE =
  '身份证号码属于敏感个人信息。我们只用它核对您是否在本村选民名单上。系统只保存无法还原的校验码和由号码得出的出生日期、性别，不保存号码里的任何数字，也不会给别人看。';
