import type { ResponseOf } from '../../api/types';

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Account = ItemOf<ResponseOf<'/api/customers/accounts'>>;
export type AccountDetail = ResponseOf<'/api/customers/accounts/{id}'>;
export type AccountContact = AccountDetail['contacts'][number];
export type AccountAddress = AccountDetail['addresses'][number];
export type GradeReview = AccountDetail['gradeReviews'][number];
export type PoolEvent = AccountDetail['poolEvents'][number];
export type HistoryEntry = AccountDetail['history'][number];
export type Duplicate = ItemOf<ResponseOf<'/api/customers/accounts/duplicates'>>;
export type Dispute = ItemOf<ResponseOf<'/api/customers/disputes'>>;
export type CustomerSettings = ResponseOf<'/api/customers/settings'>;
export type ImportReport = ResponseOf<'/api/customers/accounts/import/dry-run', 'post'>;
export type ImportResult = ResponseOf<'/api/customers/accounts/import', 'post'>;
export type AccountVisit = ItemOf<ResponseOf<'/api/field/visits'>>;

export type AccountKind = Account['kind'];
export type AccountGrade = NonNullable<Account['grade']>;
export type AccountStatus = Account['status'];
export type AccountSource = Account['source'];
export type PartyType = Account['partyType'];
export type AddressKind = AccountAddress['kind'];
export type PoolEventKind = PoolEvent['kind'];
export type DisputeStatus = Dispute['status'];
export type AccountSort = 'code' | 'name' | 'grade' | 'createdAt' | 'updatedAt' | 'lastFollowUpAt' | 'poolEnteredAt';
