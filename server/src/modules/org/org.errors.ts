import { defineErrors } from '../../platform/errors/app-error.js';

export const OrgErrors = defineErrors('org', {
  usernameTaken: { status: 409, 'zh-CN': '用户名 {username} 已被使用', en: 'Username {username} is already taken' },
  mobileTaken: { status: 409, 'zh-CN': '手机号 {mobile} 已被使用', en: 'Mobile number {mobile} is already in use' },
  headcountFull: {
    status: 409,
    'zh-CN': '岗位“{position}”已满编（编制 {quota} 人，在岗 {filled} 人）',
    en: 'Position "{position}" is full (quota {quota}, filled {filled})',
  },
  headcountBelowFilled: {
    status: 409,
    'zh-CN': '编制不能少于在岗人数 {filled}',
    en: 'Headcount cannot be below the {filled} people holding the position',
  },
  cycle: { status: 409, 'zh-CN': '{field} 不能指向自身或下级', en: '{field} cannot point to the record itself or one below it' },
  referenceMissing: { status: 400, 'zh-CN': '{field} 指向的记录不存在', en: '{field} refers to a record that does not exist' },
  inUse: { status: 409, 'zh-CN': '仍被使用，不能删除：{reason}', en: 'Still in use, cannot delete: {reason}' },
  geographyKindOrder: {
    status: 400,
    'zh-CN': '区域层级应为 大市场 → 区域 → 片区（{kind} 不能放在 {parentKind} 下）',
    en: 'Geography levels are market → region → territory ({kind} cannot sit under {parentKind})',
  },
  unknownPermission: { status: 400, 'zh-CN': '未知权限：{permission}', en: 'Unknown permission: {permission}' },
  wrongPassword: { status: 400, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  weakPassword: {
    status: 400,
    'zh-CN': '密码需 8–128 位，且同时包含字母和数字',
    en: 'A password needs 8–128 characters with at least one letter and one digit',
  },
  badCredentials: { status: 401, 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  loginThrottled: {
    status: 429,
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  userLeft: { status: 409, 'zh-CN': '{name} 已离职', en: '{name} has left the company' },
});
