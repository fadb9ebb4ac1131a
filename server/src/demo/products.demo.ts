import { positionPermissions } from '../modules/org/index.js';
import {
  ProductPermissions,
  type ProductStatus,
  priceListItems,
  priceLists,
  productCategories,
  productProposals,
  products,
  skus,
} from '../modules/products/index.js';
import type { Tx } from '../platform/db/database.js';
import { shanghaiDate } from '../platform/time.js';

interface OrgIds {
  userIds: Map<string, number>;
  positionIds: Map<string, number>;
  geographyIds: Map<string, number>;
}

/** The demo brand 明川 (Mingchuan): a liquor and beverage maker (SPEC, demo company). */
const brand = '明川';

interface Pack {
  /** Spec (规格) shown on the SKU. */
  spec: string;
  baseUnit: string;
  caseUnit: string | null;
  unitsPerCase: number;
  /** National list price per base unit, fen. */
  priceFen: number;
}

interface ProductPlan {
  code: string;
  name: string;
  category: string;
  status?: ProductStatus;
  description: string;
  packs: Pack[];
}

const categorySpecs = [
  { code: 'BJ', name: '白酒', tracksCodes: true },
  { code: 'HJ', name: '黄酒', tracksCodes: false },
  { code: 'PJ', name: '啤酒', tracksCodes: false },
  { code: 'GJ', name: '果酒与预调酒', tracksCodes: false },
  { code: 'YL', name: '饮用水与饮料', tracksCodes: false },
  { code: 'LH', name: '礼盒', tracksCodes: true },
];

const bottle = (spec: string, unitsPerCase: number, priceFen: number): Pack => ({
  spec,
  baseUnit: '瓶',
  caseUnit: '箱',
  unitsPerCase,
  priceFen,
});
const can = (spec: string, unitsPerCase: number, priceFen: number): Pack => ({
  spec,
  baseUnit: '罐',
  caseUnit: '箱',
  unitsPerCase,
  priceFen,
});
const box = (spec: string, unitsPerCase: number, priceFen: number): Pack => ({
  spec,
  baseUnit: '盒',
  caseUnit: '箱',
  unitsPerCase,
  priceFen,
});

/** A baijiu line in the usual strengths and sizes; prices scale with the grade. */
function baijiuPacks(basePerLitreFen: number): Pack[] {
  const packs: Pack[] = [];
  for (const degree of [42, 52]) {
    const factor = degree === 52 ? 1.15 : 1;
    packs.push(bottle(`${degree}° 500ml`, 6, Math.round(((basePerLitreFen / 2) * factor) / 100) * 100));
    packs.push(bottle(`${degree}° 250ml`, 12, Math.round(((basePerLitreFen / 4) * factor * 1.08) / 100) * 100));
    packs.push(bottle(`${degree}° 125ml`, 24, Math.round(((basePerLitreFen / 8) * factor * 1.15) / 10) * 10));
  }
  return packs;
}

function planCatalog(): ProductPlan[] {
  const baijiu: ProductPlan[] = [
    ['MC-BJ-JX', '明川·窖藏', 120_000, '浓香型高端白酒，五年窖藏基酒，主攻宴请与商务渠道。'],
    ['MC-BJ-NF', '明川·年份 10', 76_000, '十年年份酒，面向礼品与团购市场。'],
    ['MC-BJ-DQ', '明川·大曲', 36_000, '传统大曲工艺，次高端主力产品。'],
    ['MC-BJ-JP', '明川·精品', 19_800, '大众宴席与流通渠道主力。'],
    ['MC-BJ-LB', '明川·老白干', 9_600, '光瓶酒，餐饮与乡镇流通渠道。'],
    ['MC-BJ-GP', '明川·光瓶 K5', 5_200, '口粮酒，商超与夫妻店。'],
    ['MC-BJ-DC', '明川·典藏 30', 260_000, '三十年典藏，限量配额供应。'],
    ['MC-BJ-XQ', '明川·小曲清香', 7_200, '清香型，西北与华北流通渠道。'],
  ].map(([code, name, perLitre, description]) => ({
    code: code as string,
    name: name as string,
    category: 'BJ',
    description: description as string,
    packs: baijiuPacks(perLitre as number),
  }));
  const huangjiu: ProductPlan[] = [
    {
      code: 'MC-HJ-3',
      name: '明川·三年陈黄酒',
      category: 'HJ',
      description: '半干型绍兴工艺黄酒。',
      packs: [bottle('500ml', 12, 1800), bottle('2.5L 坛', 4, 9800)],
    },
    {
      code: 'MC-HJ-5',
      name: '明川·五年陈黄酒',
      category: 'HJ',
      description: '五年陈酿，餐饮渠道。',
      packs: [bottle('500ml', 12, 3200), bottle('2.5L 坛', 4, 16800)],
    },
    {
      code: 'MC-HJ-JF',
      name: '明川·加饭酒',
      category: 'HJ',
      description: '餐饮佐餐加饭酒。',
      packs: [bottle('600ml', 12, 1200), bottle('1.5L', 6, 2800)],
    },
    {
      code: 'MC-HJ-10',
      name: '明川·十年花雕',
      category: 'HJ',
      description: '十年花雕，礼品与高端餐饮。',
      packs: [bottle('500ml', 6, 8800), bottle('1.5L 坛', 4, 26800)],
    },
  ];
  const beer: ProductPlan[] = [
    ['MC-PJ-QS', '明川·清爽啤酒', [bottle('330ml', 24, 350), bottle('500ml', 12, 480), can('330ml', 24, 380), can('500ml', 12, 520)]],
    ['MC-PJ-JD', '明川·经典啤酒', [bottle('330ml', 24, 480), bottle('500ml', 12, 650), can('330ml', 24, 500), can('500ml', 12, 700)]],
    ['MC-PJ-BP', '明川·白啤', [bottle('330ml', 24, 980), can('330ml', 24, 1050), can('500ml', 12, 1380)]],
    ['MC-PJ-HP', '明川·黑啤', [bottle('330ml', 24, 1080), can('500ml', 12, 1480)]],
    [
      'MC-PJ-YZ',
      '明川·原浆鲜啤',
      [bottle('1L 扎', 6, 2800), { spec: '5L 桶', baseUnit: '桶', caseUnit: null, unitsPerCase: 1, priceFen: 12800 } as Pack],
    ],
    ['MC-PJ-0', '明川·无醇啤酒', [can('330ml', 24, 600)]],
    ['MC-PJ-IPA', '明川·精酿 IPA', [bottle('330ml', 24, 1580), can('500ml', 12, 1880)]],
    ['MC-PJ-XM', '明川·小麦王', [bottle('330ml', 24, 420), bottle('600ml', 12, 560), can('500ml', 12, 580)]],
  ].map(([code, name, packs]) => ({
    code: code as string,
    name: name as string,
    category: 'PJ',
    description: '啤酒系列，夏季旺销。',
    packs: packs as Pack[],
  }));
  const fruit: ProductPlan[] = [
    ['MC-GJ-QM', '明川·青梅酒', 3800],
    ['MC-GJ-YM', '明川·杨梅酒', 3800],
    ['MC-GJ-GH', '明川·桂花米酒', 2600],
    ['MC-GJ-TZ', '明川·气泡桃子酒', 1200],
    ['MC-GJ-NM', '明川·气泡柠檬酒', 1200],
    ['MC-GJ-LZ', '明川·荔枝酒', 4200],
  ].map(([code, name, price]) => ({
    code: code as string,
    name: name as string,
    category: 'GJ',
    status: code === 'MC-GJ-NM' ? ('draft' as const) : undefined,
    description: '低度果酒，年轻消费与电商渠道。',
    packs:
      (price as number) >= 2500
        ? [bottle('330ml', 12, price as number), bottle('750ml', 6, Math.round(((price as number) * 2.1) / 100) * 100)]
        : [can('330ml', 24, price as number), bottle('275ml', 24, (price as number) + 200)],
  }));
  const drinks: ProductPlan[] = [
    {
      code: 'MC-YL-SQ',
      name: '明川·山泉水',
      category: 'YL',
      description: '天然山泉水。',
      packs: [bottle('380ml', 24, 150), bottle('550ml', 24, 200), bottle('1.5L', 12, 450), bottle('4.5L', 4, 980)],
    },
    {
      code: 'MC-YL-SD',
      name: '明川·苏打水',
      category: 'YL',
      description: '无糖苏打水。',
      packs: [bottle('350ml', 24, 350), bottle('500ml', 15, 450)],
    },
    {
      code: 'MC-YL-SM',
      name: '明川·酸梅汤',
      category: 'YL',
      description: '餐饮渠道佐餐饮料。',
      packs: [bottle('400ml', 15, 450), bottle('1.25L', 6, 1080), can('310ml', 24, 380)],
    },
    {
      code: 'MC-YL-LC',
      name: '明川·凉茶',
      category: 'YL',
      description: '植物饮料。',
      packs: [can('310ml', 24, 400), { spec: '250ml 利乐包', baseUnit: '盒', caseUnit: '箱', unitsPerCase: 24, priceFen: 300 }],
    },
    {
      code: 'MC-YL-WL',
      name: '明川·乌龙茶',
      category: 'YL',
      description: '无糖茶饮料。',
      packs: [bottle('500ml', 15, 450), bottle('900ml', 12, 680), bottle('1.25L', 6, 850)],
    },
    {
      code: 'MC-YL-YZ',
      name: '明川·椰汁',
      category: 'YL',
      description: '植物蛋白饮料，餐饮渠道。',
      packs: [can('245ml', 24, 380), bottle('1.25L', 6, 1380)],
    },
    {
      code: 'MC-YL-GZ',
      name: '明川·果汁',
      category: 'YL',
      description: '复合果汁饮料。',
      packs: [bottle('450ml', 15, 500), bottle('1L', 8, 1080), box('250ml 利乐包', 24, 350)],
    },
  ];
  const gifts: ProductPlan[] = [
    {
      code: 'MC-LH-JX',
      name: '明川·窖藏礼盒',
      category: 'LH',
      description: '窖藏 52° 500ml×2 配礼袋。',
      packs: [box('500ml×2', 4, 128_000), box('500ml×1', 6, 62_000)],
    },
    {
      code: 'MC-LH-NF',
      name: '明川·年份礼盒',
      category: 'LH',
      description: '年份 10 配酒具。',
      packs: [box('500ml×2', 4, 78_000), box('500ml×1 酒具装', 6, 42_000)],
    },
    { code: 'MC-LH-DQ', name: '明川·大曲礼盒', category: 'LH', description: '大曲 42° 500ml×2。', packs: [box('500ml×2', 4, 36_800)] },
    { code: 'MC-LH-HJ', name: '明川·花雕礼盒', category: 'LH', description: '十年花雕 500ml×2。', packs: [box('500ml×2', 4, 17_800)] },
    {
      code: 'MC-LH-XN',
      name: '明川·新春团圆礼盒',
      category: 'LH',
      status: 'discontinued',
      description: '往年春节限定，已停售。',
      packs: [box('组合装', 4, 29_800)],
    },
    {
      code: 'MC-LH-ZQ',
      name: '明川·中秋礼盒',
      category: 'LH',
      description: '中秋季节礼盒。',
      packs: [box('组合装', 4, 25_800), box('尊享装', 2, 58_800)],
    },
  ];
  return [...baijiu, ...huangjiu, ...beer, ...fruit, ...drinks, ...gifts];
}

function grants(key: string): string[] {
  const p = ProductPermissions;
  const field = [p.read, p['proposals.submit']];
  if (key.startsWith('rep-') || key.startsWith('am-') || key.startsWith('mm-')) return field;
  if (key === 'marketing') return [...field, p['catalog.manage'], p['prices.manage'], p['proposals.review']];
  if (key === 'gm' || key === 'director') return [...field, p['prices.manage'], p['proposals.review']];
  if (key === 'deputy' || key === 'channel') return [...field, p['prices.manage']];
  if (key === 'ssg') return [...field, p['catalog.manage']];
  return [p.read];
}

/** Rounded to whole jiao above one yuan so demo prices look like real ones. */
const roundPrice = (fen: number) => (fen >= 100 ? Math.round(fen / 10) * 10 : Math.round(fen));

/**
 * PRD-1/PRD-2 demo: six categories and about 120 SKUs of the brand 明川,
 * a national list, a distributor list, regional lists for 华东 and 华南, a
 * key-account list, last year's archived list, and a few proposals.
 */
export async function seedProductsDemo(tx: Tx, org: OrgIds): Promise<void> {
  await tx
    .insert(positionPermissions)
    .values([...org.positionIds].flatMap(([key, positionId]) => grants(key).map((permission) => ({ positionId, permission }))));

  const categoryRows = await tx
    .insert(productCategories)
    .values(categorySpecs.map((c, index) => ({ code: c.code, name: c.name, sort: index + 1 })))
    .returning({ id: productCategories.id, code: productCategories.code });
  const categoryId = new Map(categoryRows.map((c) => [c.code, c.id]));
  const tracks = new Map(categorySpecs.map((c) => [c.code, c.tracksCodes]));

  const plans = planCatalog();
  const productRows = await tx
    .insert(products)
    .values(
      plans.map((plan) => ({
        code: plan.code,
        name: plan.name,
        categoryId: categoryId.get(plan.category) as number,
        brand,
        description: plan.description,
        status: plan.status ?? ('active' as const),
      })),
    )
    .returning({ id: products.id, code: products.code });
  const productId = new Map(productRows.map((p) => [p.code, p.id]));

  let barcode = 6_923_450_100_000;
  const skuValues = plans.flatMap((plan) =>
    plan.packs.map((pack, index) => {
      barcode += 7;
      return {
        code: `${plan.code}-${String(index + 1).padStart(2, '0')}`,
        productId: productId.get(plan.code) as number,
        name: pack.spec,
        barcode: String(barcode),
        baseUnit: pack.baseUnit,
        caseUnit: pack.caseUnit,
        unitsPerCase: pack.unitsPerCase,
        tracksCodes: tracks.get(plan.category) ?? false,
        status: plan.status ?? ('active' as const),
        // Cases only for the premium lines: a case of six is the smallest order.
        minOrderQuantity: pack.priceFen >= 30_000 ? pack.unitsPerCase : null,
      };
    }),
  );
  const skuRows = await tx.insert(skus).values(skuValues).returning({ id: skus.id, code: skus.code });
  const skuId = new Map(skuRows.map((s) => [s.code, s.id]));
  const priced = plans.flatMap((plan) =>
    plan.packs.map((pack, index) => ({
      id: skuId.get(`${plan.code}-${String(index + 1).padStart(2, '0')}`) as number,
      category: plan.category,
      priceFen: pack.priceFen,
      sellable: plan.status !== 'draft',
    })),
  );

  const year = shanghaiDate(new Date()).slice(0, 4);
  const lastYear = String(Number(year) - 1);
  const lists = await tx
    .insert(priceLists)
    .values([
      {
        code: `NAT-${year}`,
        name: `${year} 全国统一零售指导价`,
        validFrom: `${year}-01-01`,
        status: 'active' as const,
        note: '全国各类客户的基准价',
      },
      {
        code: `DIST-${year}`,
        name: `${year} 经销商供货价`,
        accountKind: 'distributor',
        validFrom: `${year}-01-01`,
        status: 'active' as const,
      },
      {
        code: `KA-${year}`,
        name: `${year} 重点客户（KA）供货价`,
        accountKind: 'key_account',
        validFrom: `${year}-01-01`,
        status: 'active' as const,
      },
      {
        code: `HD-${year}`,
        name: `${year} 华东区域价`,
        geographyId: org.geographyIds.get('huadong') ?? null,
        validFrom: `${year}-03-01`,
        status: 'active' as const,
        note: '华东运费较低，流通产品下调',
      },
      {
        code: `HN-${year}`,
        name: `${year} 华南区域价（啤酒与饮料旺季）`,
        geographyId: org.geographyIds.get('huanan') ?? null,
        validFrom: `${year}-04-01`,
        validTo: `${year}-10-31`,
        status: 'active' as const,
      },
      {
        code: `NAT-${lastYear}`,
        name: `${lastYear} 全国统一零售指导价`,
        validFrom: `${lastYear}-01-01`,
        validTo: `${lastYear}-12-31`,
        status: 'archived' as const,
      },
    ])
    .returning({ id: priceLists.id, code: priceLists.code });
  const listId = new Map(lists.map((l) => [l.code.split('-')[0] + (l.code.endsWith(lastYear) ? '-old' : ''), l.id]));

  const item = (list: string, sku: { id: number; priceFen: number }, priceFactor: number, floorFactor: number) => {
    const unitPriceFen = roundPrice(sku.priceFen * priceFactor);
    return {
      priceListId: listId.get(list) as number,
      skuId: sku.id,
      unitPriceFen,
      floorPriceFen: Math.min(unitPriceFen, roundPrice(unitPriceFen * floorFactor)),
    };
  };
  const sellable = priced.filter((s) => s.sellable);
  const items = [
    ...sellable.map((s) => item('NAT', s, 1, 0.9)),
    ...sellable.map((s) => item('NAT-old', s, 0.95, 0.9)),
    ...sellable.map((s) => item('DIST', s, 0.72, 0.95)),
    ...sellable.filter((s) => s.category !== 'LH').map((s) => item('KA', s, 0.85, 0.93)),
    ...sellable.filter((s) => ['PJ', 'YL', 'HJ', 'BJ'].includes(s.category) && s.priceFen < 20_000).map((s) => item('HD', s, 0.96, 0.9)),
    ...sellable.filter((s) => ['PJ', 'YL', 'GJ'].includes(s.category)).map((s) => item('HN', s, 0.93, 0.88)),
  ];
  await tx.insert(priceListItems).values(items);

  const user = (name: string) => org.userIds.get(name) as number;
  const now = Date.now();
  const daysAgo = (n: number) => new Date(now - n * 86_400_000);
  await tx.insert(productProposals).values([
    {
      title: '小瓶 100ml 光瓶酒（便利店收银台陈列）',
      proposerId: user('rep-huadong-1'),
      categoryId: categoryId.get('BJ'),
      description: '便利店收银台位置适合 100ml 小瓶，竞品同规格售价 12–15 元，月销可观。建议 42° 精品酒做 100ml 装。',
      expectedVolume: 240_000,
      targetPriceFen: 1290,
      status: 'submitted' as const,
      submittedAt: daysAgo(6),
      createdAt: daysAgo(8),
    },
    {
      title: '无糖气泡青梅酒',
      proposerId: user('mm-huadong'),
      categoryId: categoryId.get('GJ'),
      description: '年轻女性消费者关注无糖与低度，建议 3.5° 气泡青梅酒 330ml 罐装，走电商与便利店。',
      expectedVolume: 600_000,
      targetPriceFen: 990,
      status: 'accepted' as const,
      submittedAt: daysAgo(40),
      reviewerId: user('marketing'),
      reviewComment: '纳入下半年新品计划，先做华东试销。',
      reviewedAt: daysAgo(30),
      createdAt: daysAgo(45),
    },
    {
      title: '5L 桶装黄酒（餐饮散打）',
      proposerId: user('rep-huadong-1'),
      categoryId: categoryId.get('HJ'),
      description: '餐饮店散打黄酒需求大，5L 桶装可降低包装成本。',
      expectedVolume: 20_000,
      targetPriceFen: 9800,
      status: 'rejected' as const,
      submittedAt: daysAgo(60),
      reviewerId: user('marketing'),
      reviewComment: '散装酒监管要求高，且与现有 2.5L 坛装冲突，暂不立项。',
      reviewedAt: daysAgo(50),
      createdAt: daysAgo(62),
    },
    {
      title: '企业定制酒（团购专属酒标）',
      proposerId: user('am-huadong-1'),
      categoryId: categoryId.get('LH'),
      description: '团购客户希望定制酒标，建议以大曲为基酒，起订 50 箱。',
      expectedVolume: 30_000,
      targetPriceFen: 32_000,
      status: 'draft' as const,
      createdAt: daysAgo(2),
    },
  ]);
}
