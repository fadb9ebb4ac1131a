import type { Shape } from './shape';

/** The home page's customer KPI card (CUS-10: satisfaction, NPS, repeat purchase). */
export const customerKpiZhCN = {
  customerKpi: {
    card: '客户满意度与复购',
    period: '近 {{days}} 天',
    periodDates: '{{from}} 至 {{to}}（北京时间）',
    averageScore: '平均满意度',
    outOfFive: '/ 5',
    surveys: '调查 {{count}} 份',
    nps: 'NPS',
    npsAnswers: '推荐意愿作答 {{count}} 份',
    repeatRate: '复购率',
    repeatOf: '{{repeat}} / {{accounts}} 个下单客户复购',
    repeatHint: '期间内下单（不含草稿与已取消订单）的客户中，下单 2 次及以上的客户占比',
    npsHint: '推荐者（9–10 分）占比减去贬损者（0–6 分）占比',
    kind: '客户类型',
    noData: '期间内暂无调查与订单',
  },
};

export const customerKpiEn: Shape<typeof customerKpiZhCN> = {
  customerKpi: {
    card: 'Satisfaction and repeat purchase',
    period: 'Last {{days}} days',
    periodDates: '{{from}} to {{to}} (China time)',
    averageScore: 'Average satisfaction',
    outOfFive: '/ 5',
    surveys: 'Surveys: {{count}}',
    nps: 'NPS',
    npsAnswers: 'Recommend answers: {{count}}',
    repeatRate: 'Repeat-purchase rate',
    repeatOf: '{{repeat}} of {{accounts}} ordering accounts ordered again',
    repeatHint:
      'Of the accounts that placed orders in the period (drafts and cancelled orders excluded), the share that placed two or more',
    npsHint: '% promoters (9–10) minus % detractors (0–6)',
    kind: 'Account kind',
    noData: 'No surveys or orders in the period',
  },
};
