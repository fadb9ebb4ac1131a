import { Type } from 'typebox';
import { DateTime, Nullable, StringEnum } from '../../platform/http/schemas.js';
import { priceAccountKinds, priceListStatuses, productStatuses, proposalStatuses } from './products.enums.js';

export const tags = ['products'];
export const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (China time)' });
/** Money on the wire is integer fen (DESIGN rule 4). */
export const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'Integer fen (CNY 0.01)' });
export const NullableFen = Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'Integer fen (CNY 0.01), or null' }));
export const ProductStatusSchema = StringEnum(productStatuses, { description: 'draft 草稿, active 在售, discontinued 停售' });
export const PriceListStatusSchema = StringEnum(priceListStatuses, { description: 'draft 草稿, active 生效, archived 归档' });
export const ProposalStatusSchema = StringEnum(proposalStatuses, {
  description: 'draft 草稿, submitted 已提交, accepted 采纳, rejected 驳回',
});
export const AccountKindSchema = StringEnum(priceAccountKinds, { description: 'A customers account kind' });

export const CategorySchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    parentId: Nullable(Type.Integer()),
    sort: Type.Integer(),
    active: Type.Boolean(),
    productCount: Type.Integer({ description: 'Products directly in this category' }),
  },
  { $id: 'ProductCategory' },
);

const skuFields = {
  id: Type.Integer(),
  code: Type.String(),
  productId: Type.Integer(),
  name: Type.String({ description: '规格' }),
  barcode: Nullable(Type.String()),
  baseUnit: Type.String(),
  caseUnit: Nullable(Type.String()),
  unitsPerCase: Type.Integer(),
  tracksCodes: Type.Boolean(),
  status: ProductStatusSchema,
  minOrderQuantity: Nullable(Type.Integer()),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const SkuSchema = Type.Object(skuFields, { $id: 'Sku' });

export const SkuListItemSchema = Type.Object(
  { ...skuFields, productCode: Type.String(), productName: Type.String(), categoryId: Type.Integer() },
  { $id: 'SkuListItem' },
);

export const ProductSchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    categoryId: Type.Integer(),
    categoryName: Type.String(),
    brand: Nullable(Type.String()),
    description: Nullable(Type.String()),
    status: ProductStatusSchema,
    skus: Type.Array(SkuSchema),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Product' },
);

export const PriceListSchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    accountKind: Nullable(Type.String({ description: 'null = every kind' })),
    geographyId: Nullable(Type.Integer({ description: 'null = national' })),
    geographyName: Nullable(Type.String()),
    validFrom: Day,
    validTo: Nullable(Day),
    priority: Type.Integer(),
    status: PriceListStatusSchema,
    note: Nullable(Type.String()),
    itemCount: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'PriceList' },
);

export const PriceListItemSchema = Type.Object(
  {
    skuId: Type.Integer(),
    skuCode: Type.String(),
    skuName: Type.String(),
    productName: Type.String(),
    baseUnit: Type.String(),
    caseUnit: Nullable(Type.String()),
    unitsPerCase: Type.Integer(),
    unitPriceFen: Type.Integer({ description: 'Per base unit' }),
    floorPriceFen: Type.Integer({ description: 'Per base unit' }),
  },
  { $id: 'PriceListItem' },
);

export const ResolvedPriceSchema = Type.Object(
  {
    skuId: Type.Integer(),
    priceListId: Type.Integer(),
    priceListCode: Type.String(),
    priceListName: Type.String(),
    unitPriceFen: Type.Integer(),
    floorPriceFen: Type.Integer(),
  },
  { $id: 'ResolvedPrice' },
);

export const ProposalSchema = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    proposerId: Type.Integer(),
    proposerName: Type.String(),
    categoryId: Nullable(Type.Integer()),
    categoryName: Nullable(Type.String()),
    description: Type.String(),
    expectedVolume: Nullable(Type.Integer()),
    targetPriceFen: Nullable(Type.Integer()),
    status: ProposalStatusSchema,
    submittedAt: Nullable(DateTime),
    reviewerId: Nullable(Type.Integer()),
    reviewerName: Nullable(Type.String()),
    reviewComment: Nullable(Type.String()),
    reviewedAt: Nullable(DateTime),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'ProductProposal' },
);
