/** The eight demo markets with their provinces (SPEC, demo company) and how many regions each splits into. */
export const demoMarkets = [
  { slug: 'dongbei', name: '东北', provinces: ['黑龙江', '吉林', '辽宁'], regions: 2, owner: 'director' },
  { slug: 'huabei', name: '华北', provinces: ['北京', '天津', '河北', '山西', '内蒙古'], regions: 3, owner: 'director' },
  { slug: 'xibei', name: '西北', provinces: ['陕西', '甘肃', '青海', '宁夏', '新疆'], regions: 2, owner: 'director' },
  { slug: 'huazhong', name: '华中', provinces: ['河南', '湖北', '湖南'], regions: 3, owner: 'director' },
  { slug: 'shandong', name: '山东', provinces: ['山东'], regions: 2, owner: 'deputy' },
  { slug: 'huadong', name: '华东', provinces: ['上海', '江苏', '浙江', '安徽', '福建', '江西'], regions: 3, owner: 'deputy' },
  { slug: 'huanan', name: '华南', provinces: ['广东', '广西', '海南'], regions: 3, owner: 'deputy' },
  { slug: 'xinan', name: '西南', provinces: ['重庆', '四川', '贵州', '云南', '西藏'], regions: 2, owner: 'deputy' },
] as const;

export const regionOrdinals = ['一', '二', '三'];

/** Splits a market's provinces over its regions, round-robin, so each region has at least one. */
export function provincesOfRegion(provinces: readonly string[], regions: number, index: number): string[] {
  // A market with fewer provinces than regions (山东: one province, two regions) shares them out again.
  if (provinces.length < regions) return [provinces[index % provinces.length] as string];
  return provinces.filter((_, i) => i % regions === index);
}
