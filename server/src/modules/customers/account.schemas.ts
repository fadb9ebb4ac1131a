import { Type } from 'typebox';
import { DateTime, Id, Nullable, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { accountGrades, accountKinds, accountSources, accountStatuses, creditRatings, partyTypes } from './account.enums.js';
import { mobilePattern } from './account.rules.js';
import { addressKinds, disputeStatuses, poolEventKinds } from './customers.schema.js';

// Request and response shapes of the customers API, shared by its route files.

export const Grade = StringEnum(accountGrades);
export const Kind = StringEnum(accountKinds);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
export const Mobile = Type.String({ pattern: mobilePattern, description: 'Mainland mobile number, 11 digits' });
const CreditCode = Type.String({
  pattern: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$',
  description: '统一社会信用代码: 18 characters, check digit per GB 32100-2015',
});
export const Reason = Type.String({ minLength: 1, maxLength: 500 });

const accountFields = {
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: Kind,
  partyType: StringEnum(partyTypes),
  creditCode: Nullable(Type.String()),
  mobile: Nullable(Type.String({ description: 'Masked (138****1234) when masked is true' })),
  grade: Nullable(Grade),
  status: StringEnum(accountStatuses),
  ownerUserId: Nullable(Type.Integer({ description: 'null: in the public pool' })),
  ownerName: Nullable(Type.String()),
  geographyId: Nullable(Type.Integer()),
  geographyName: Nullable(Type.String()),
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  address: Nullable(Type.String()),
  source: StringEnum(accountSources),
  tags: Type.Array(Type.String()),
  locked: Type.Boolean(),
  creditLimitFen: Nullable(Type.Integer({ description: 'CUS-8 credit line in fen; null: cash only' })),
  creditRating: Nullable(StringEnum(creditRatings)),
  lastFollowUpAt: Nullable(DateTime),
  lastDealAt: Nullable(DateTime),
  poolEnteredAt: Nullable(DateTime),
  ownedSince: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  masked: Type.Boolean({ description: 'CMP-3: phone numbers and street addresses are masked for this reader' }),
};

export const AccountSchema = Type.Object(accountFields, { $id: 'Account' });

export const ContactSchema = Type.Object(
  {
    id: Type.Integer(),
    accountId: Type.Integer(),
    name: Type.String(),
    title: Nullable(Type.String()),
    mobile: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    isPrimary: Type.Boolean(),
    notes: Nullable(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'AccountContact' },
);

export const AddressSchema = Type.Object(
  {
    id: Type.Integer(),
    accountId: Type.Integer(),
    kind: StringEnum(addressKinds),
    province: Nullable(Type.String()),
    city: Nullable(Type.String()),
    address: Type.String(),
    receiver: Nullable(Type.String()),
    receiverPhone: Nullable(Type.String()),
    carrier: Nullable(Type.String()),
    unloadingNotes: Nullable(Type.String()),
    isDefault: Type.Boolean(),
    verifiedAt: Nullable(DateTime),
    verifiedBy: Nullable(Type.Integer()),
    verificationDue: Type.Boolean({ description: 'CUS-9: not verified within the last 35 days' }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'AccountAddress' },
);

export const GradeReviewSchema = Type.Object(
  {
    id: Type.Integer(),
    fromGrade: Nullable(Grade),
    toGrade: Grade,
    reason: Type.String(),
    reviewedBy: Nullable(Type.Integer()),
    reviewerName: Nullable(Type.String()),
    reviewedAt: DateTime,
  },
  { $id: 'AccountGradeReview' },
);

export const PoolEventSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: StringEnum(poolEventKinds),
    fromUserId: Nullable(Type.Integer()),
    fromUserName: Nullable(Type.String()),
    toUserId: Nullable(Type.Integer()),
    toUserName: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    actorUserId: Nullable(Type.Integer()),
    actorName: Nullable(Type.String()),
    at: DateTime,
  },
  { $id: 'AccountPoolEvent' },
);

const HistorySchema = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorUserId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const AccountDetailSchema = Type.Object(
  {
    ...accountFields,
    contacts: Type.Array(ContactSchema),
    addresses: Type.Array(AddressSchema),
    gradeReviews: Type.Array(GradeReviewSchema),
    poolEvents: Type.Array(PoolEventSchema),
    history: Type.Array(HistorySchema),
  },
  { $id: 'AccountDetail' },
);

export const DisputeSchema = Type.Object(
  {
    id: Type.Integer(),
    accountId: Type.Integer(),
    accountCode: Type.String(),
    accountName: Type.String(),
    claimantUserId: Type.Integer(),
    claimantName: Type.String(),
    ownerUserId: Nullable(Type.Integer()),
    ownerName: Nullable(Type.String()),
    commonSuperiorUserId: Nullable(Type.Integer()),
    commonSuperiorName: Nullable(Type.String()),
    reason: Type.String(),
    status: StringEnum(disputeStatuses),
    approvalId: Nullable(Type.Integer()),
    createdAt: DateTime,
    decidedAt: Nullable(DateTime),
  },
  { $id: 'AccountDispute' },
);

export const DuplicateSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  ownerName: Nullable(Type.String({ description: 'Masked (张**) when the account is outside my scope; null in the pool' })),
  matchedOn: StringEnum(['creditCode', 'mobile', 'name']),
});

const ContactBody = {
  name: Text(60),
  title: OptionalText(60),
  mobile: Type.Optional(Nullable(Mobile)),
  phone: OptionalText(30),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 120 }))),
  isPrimary: Type.Optional(Type.Boolean()),
  notes: OptionalText(500),
};

const AddressBody = {
  kind: StringEnum(addressKinds, { description: 'delivery 收货, billing 开票, office 办公' }),
  province: OptionalText(20),
  city: OptionalText(40),
  address: Text(200),
  receiver: OptionalText(60),
  receiverPhone: Type.Optional(Nullable(Mobile)),
  carrier: OptionalText(60),
  unloadingNotes: OptionalText(500),
  isDefault: Type.Optional(Type.Boolean()),
};

const editableAccountFields = {
  name: Text(100),
  kind: Kind,
  partyType: Type.Optional(StringEnum(partyTypes)),
  creditCode: Type.Optional(Nullable(CreditCode)),
  mobile: Type.Optional(Nullable(Mobile)),
  status: Type.Optional(StringEnum(accountStatuses)),
  geographyId: Type.Optional(Nullable(Id)),
  province: OptionalText(20),
  city: OptionalText(40),
  address: OptionalText(200),
  source: Type.Optional(StringEnum(accountSources)),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 })),
};

export const CreateAccountBody = Type.Object(
  {
    ...editableAccountFields,
    grade: Type.Optional(Nullable(Grade)),
    ownerUserId: Type.Optional(Nullable(Id)),
    contacts: Type.Optional(Type.Array(Type.Object(ContactBody, { additionalProperties: false }), { maxItems: 20 })),
    addresses: Type.Optional(Type.Array(Type.Object(AddressBody, { additionalProperties: false }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const UpdateAccountBody = Type.Object(
  { ...editableAccountFields, name: Type.Optional(Text(100)), kind: Type.Optional(Kind) },
  { additionalProperties: false },
);

export const CreateContactBody = Type.Object(ContactBody, { additionalProperties: false });
export const UpdateContactBody = Type.Object({ ...ContactBody, name: Type.Optional(Text(60)) }, { additionalProperties: false });
export const CreateAddressBody = Type.Object(AddressBody, { additionalProperties: false });
export const UpdateAddressBody = Type.Object(
  { ...AddressBody, kind: Type.Optional(AddressBody.kind), address: Type.Optional(Text(200)) },
  { additionalProperties: false },
);

export const AccountListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 60, description: 'Part of the name, code or mobile' })),
  kind: Type.Optional(Kind),
  grade: Type.Optional(Grade),
  status: Type.Optional(StringEnum(accountStatuses)),
  geographyId: Type.Optional(Id),
  ownerUserId: Type.Optional(Id),
  tag: Type.Optional(Type.String({ maxLength: 20 })),
  inPool: Type.Optional(Type.Boolean()),
  locked: Type.Optional(Type.Boolean()),
  addressesDue: Type.Optional(Type.Boolean({ description: 'CUS-9: with an address not verified within 35 days' })),
  sort: Type.Optional(StringEnum(['code', 'name', 'grade', 'createdAt', 'updatedAt', 'lastFollowUpAt', 'poolEnteredAt'])),
  order: Type.Optional(StringEnum(['asc', 'desc'])),
});

/** CUS-8: at most CNY 100,000,000 of credit per account. */
export const maxCreditLimitFen = 10_000_000_000;

export const CreditBody = Type.Object(
  {
    creditLimitFen: Nullable(
      Type.Integer({ minimum: 0, maximum: maxCreditLimitFen, description: 'Credit line in fen (CNY 0.01); null: cash only, no credit' }),
    ),
    creditRating: Nullable(StringEnum(creditRatings, { description: '信用等级 A–D; null: not rated' })),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

export const AccountIdParams = Type.Object({ id: Id });
export const ContactParams = Type.Object({ id: Id, contactId: Id });
export const AddressParams = Type.Object({ id: Id, addressId: Id });
