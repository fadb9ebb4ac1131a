import { asc, isNotNull } from 'drizzle-orm';
import { accountSurveys, accounts, surveyChannels } from '../modules/customers/index.js';
import type { Tx } from '../platform/db/database.js';
import { addDays, shanghaiDate } from '../platform/time.js';
import { seededRandom, spreadEvenly } from './random.js';

const comments = ['送货准时，服务周到', '价格偏高，希望多些促销', '业务员拜访勤快', '希望增加新品', '到货有破损，已处理', null, null, null];

/** CUS-10: a few hundred satisfaction surveys over the last six months, taken by each account's owner. */
export async function seedSurveyDemo(tx: Tx): Promise<void> {
  const random = seededRandom(1010);
  const allOwned = await tx
    .select({ id: accounts.id, ownerUserId: accounts.ownerUserId })
    .from(accounts)
    .where(isNotNull(accounts.ownerUserId))
    .orderBy(asc(accounts.id));
  const owned = spreadEvenly(allOwned, 240);
  const today = shanghaiDate(new Date());
  // Mostly content customers, a tail of unhappy ones, so NPS and averages read like a real company's.
  const score = () => Math.min(5, Math.max(1, Math.round(3.9 + (random.next() - 0.5) * 3)));
  const optional = () => (random.next() < 0.7 ? score() : null);
  const rows = owned.flatMap((account) =>
    Array.from({ length: random.int(1, 2) }, () => {
      const overall = score();
      return {
        accountId: account.id,
        surveyedOn: addDays(today, -random.int(1, 180)),
        channel: random.pick(surveyChannels),
        overallScore: overall,
        productScore: optional(),
        deliveryScore: optional(),
        serviceScore: optional(),
        priceScore: optional(),
        wouldRecommend: random.next() < 0.8 ? Math.min(10, Math.max(0, overall * 2 + random.int(-2, 1))) : null,
        comment: random.pick(comments),
        surveyedBy: account.ownerUserId as number,
      };
    }),
  );
  if (rows.length > 0) await tx.insert(accountSurveys).values(rows);
}
