import type { LocalizedText } from '../../platform/i18n.js';

/** CUS-7: where a lead came from (线索来源). */
export const leadSources = ['campaign', 'call_team', 'exhibition', 'partner_referral', 'walk_in'] as const;
export type LeadSource = (typeof leadSources)[number];

export const leadSourceLabels: Record<LeadSource, LocalizedText> = {
  campaign: { 'zh-CN': '市场活动', en: 'Campaign' },
  call_team: { 'zh-CN': '电话团队', en: 'Call team' },
  exhibition: { 'zh-CN': '展会', en: 'Exhibition' },
  partner_referral: { 'zh-CN': '伙伴推荐', en: 'Partner referral' },
  walk_in: { 'zh-CN': '自然到访', en: 'Walk-in' },
};

/**
 * The funnel, in order: new (nobody assigned) → assigned → following (first
 * contact made) → appointed (a meeting is booked) → converted (an account);
 * lost ends a lead from any open stage.
 */
export const leadStatuses = ['new', 'assigned', 'following', 'appointed', 'converted', 'lost'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export const openLeadStatuses: readonly LeadStatus[] = ['new', 'assigned', 'following', 'appointed'];

export const leadStatusLabels: Record<LeadStatus, LocalizedText> = {
  new: { 'zh-CN': '新线索', en: 'New' },
  assigned: { 'zh-CN': '已分配', en: 'Assigned' },
  following: { 'zh-CN': '跟进中', en: 'Following up' },
  appointed: { 'zh-CN': '已预约', en: 'Appointment booked' },
  converted: { 'zh-CN': '已转客户', en: 'Converted' },
  lost: { 'zh-CN': '已流失', en: 'Lost' },
};

export const followUpKinds = ['call', 'visit', 'message', 'appointment'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export const followUpKindLabels: Record<FollowUpKind, LocalizedText> = {
  call: { 'zh-CN': '电话', en: 'Call' },
  visit: { 'zh-CN': '拜访', en: 'Visit' },
  message: { 'zh-CN': '消息', en: 'Message' },
  appointment: { 'zh-CN': '预约', en: 'Appointment' },
};

/** Outsourced lead teams (外包拓客团队): a resource under contract. */
export const leadTeamStatuses = ['active', 'paused', 'ended'] as const;
export type LeadTeamStatus = (typeof leadTeamStatuses)[number];
