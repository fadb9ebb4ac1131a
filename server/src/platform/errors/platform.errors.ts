import { defineErrors } from './app-error.js';

export const PlatformErrors = defineErrors('platform', {
  validation: { status: 400, 'zh-CN': '输入有误：{fields}', en: 'Invalid input: {fields}' },
  notFound: { status: 404, 'zh-CN': '记录不存在或无权查看', en: 'Not found' },
  routeNotFound: { status: 404, 'zh-CN': '接口不存在：{method} {url}', en: 'No such route: {method} {url}' },
  unauthenticated: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  forbidden: { status: 403, 'zh-CN': '没有权限：{permission}', en: 'Permission required: {permission}' },
  conflict: { status: 409, 'zh-CN': '数据已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  tooLarge: { status: 413, 'zh-CN': '请求内容过大（上限 {limit}）', en: 'Request body too large (limit {limit})' },
  badRequest: { status: 400, 'zh-CN': '请求格式错误', en: 'Malformed request' },
  tooManyRequests: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  internal: { status: 500, 'zh-CN': '服务器内部错误（编号 {requestId}）', en: 'Internal server error (ref {requestId})' },
});
