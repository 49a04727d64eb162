import type { Language } from './translate.ts';

/**
 * Chinese for the error codes of src/errors/catalogue.ts that the console meets. The server's own
 * message (English, often naming the exact field or unit) is always shown beside it; codes not
 * listed here show that message alone.
 */
const ZH: Record<string, string> = {
  VALIDATION_FAILED: '请求内容不合规',
  INVALID_GEOMETRY: '图形不合规',
  FLEET_SETTINGS_INVALID: '班次或船队设置不合规',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '您的角色无权执行此操作',
  OUT_OF_SCOPE: '超出本单位管辖范围',
  CSRF_HEADER_MISSING: '请求缺少防伪请求头',
  UNIT_NOT_FOUND: '单位不存在',
  USER_NOT_FOUND: '用户不存在',
  DEVICE_NOT_FOUND: '终端不存在',
  TIME_RANGE_INVALID: '时间范围不正确',
  UNIT_HAS_CHILDREN: '该单位下还有下级单位，不能删除',
  UNIT_IN_USE: '该单位仍被引用，不能删除',
  UNIT_CODE_TAKEN: '单位编码已被使用',
  UNIT_PARENT_INVALID: '该类型的单位不能挂在所选上级下',
  ESCALATION_TARGET_INVALID: '只能上报本网格片的联动工作站或街道',
  USERNAME_TAKEN: '用户名已被使用',
  LAST_ADMIN: '不能停用或删除最后一名系统管理员',
  LOGIN_THROTTLED: '登录失败次数过多，请稍后再试',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已被临时锁定',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  DATABASE_UNAVAILABLE: '数据库暂时不可用',
  INTERNAL: '服务器内部错误，已记录日志',
  NETWORK: '无法连接服务器',
  PAYLOAD_TOO_LARGE: '上传的内容过大',
  HEADERS_TOO_LARGE: '请求地址或请求头过长，请缩短查询条件',
  MALFORMED_REQUEST: '请求格式错误，无法解析',
  REQUEST_TIMEOUT: '请求发送超时，请重试',
  EXPECTATION_FAILED: '服务器不支持该请求的 Expect 要求',
  REFERENCE_NOT_FOUND: '引用的记录不存在，可能刚被删除，请刷新后重试',
  STILL_REFERENCED: '仍有其他记录引用此项，请先调整或删除它们',
  ORDER_NOT_FOUND: '工单不存在',
  CATEGORY_NOT_FOUND: '类别不存在',
  ATTACHMENT_NOT_FOUND: '照片不存在',
  NOTIFICATION_NOT_FOUND: '消息不存在',
  PHOTO_TYPE_NOT_ALLOWED: '只能上传 JPEG、PNG 或 WebP 照片',
  PHOTO_UNREADABLE: '照片无法读取，可能已损坏',
  TRANSITION_NOT_ALLOWED: '工单当前状态不允许此操作，已刷新工单',
  VERSION_CONFLICT: '工单已被他人更新，已重新加载，请确认后再操作',
  SUBTASKS_OPEN: '还有未完成的协办任务',
  SUBTASK_NOT_FOUND: '协办任务不存在',
  EXTENSION_PENDING: '已有待审批的延期申请',
  NO_EXTENSION_REQUEST: '没有待审批的延期申请',
  RETURN_VISIT_DONE: '本次结案已回访',
  REOPEN_WINDOW_PASSED: '结案时间过久，不能重办，请重新上报',
  PARK_REQUEST_PENDING: '已有待审批的挂账申请',
  NO_PARK_REQUEST: '没有待审批的挂账申请',
  NO_CONSULTATION: '本单位没有待答复的征询',
  MERGE_TARGET_CLOSED: '目标工单已结案，不能合并，请先重办该工单',
  NOTICE_NOT_FOUND: '公告不存在',
  CALENDAR_INVALID: '工作日历或时间不正确',
  CALENDAR_NO_WORKING_TIME: '工作日历中没有可用的工作时间',
};

/** The translation of an error code in the given language, if the console has one. */
export function errorTitle(code: string, lang: Language): string | undefined {
  return lang === 'zh-CN' ? ZH[code] : undefined;
}
