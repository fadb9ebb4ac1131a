/** A seeded PRNG (mulberry32): the demo company is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export type Random = ReturnType<typeof seededRandom>;

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟'.split('');
const givenChars = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华鹏辉玲建国红梅宇浩然欣怡晨雪峰博文海波晓东'.split('');

/** A plausible generated Chinese name; never a real person's data. */
export function chineseName(random: Random): string {
  const given = random.next() < 0.6 ? random.pick(givenChars) + random.pick(givenChars) : random.pick(givenChars);
  return random.pick(surnames) + given;
}

/** A mainland mobile number of valid form (1[3-9]x…); unique numbers come from the running counter. */
export function mobileNumber(random: Random, counter: number): string {
  const prefix = random.pick(['135', '136', '138', '139', '150', '152', '158', '159', '186', '187', '188', '177', '199']);
  return `${prefix}${String(10_000_000 + counter * 7919).slice(-8)}`;
}

/** About `count` items taken at even steps, so rows ordered by market give every market its share. */
export function spreadEvenly<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, index) => index % step === 0).slice(0, count);
}
