import type { ResponseOf } from '../../api/types';

type ItemOf<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

export type Category = ItemOf<ResponseOf<'/api/products/categories'>>;
export type Product = ItemOf<ResponseOf<'/api/products'>>;
export type Sku = Product['skus'][number];
export type SkuListItem = ItemOf<ResponseOf<'/api/products/skus'>>;
export type ProductStatus = Product['status'];
export type PriceList = ResponseOf<'/api/products/price-lists/{id}'>;
export type PriceListStatus = PriceList['status'];
export type PriceListItem = ItemOf<ResponseOf<'/api/products/price-lists/{id}/items'>>;
export type Proposal = ResponseOf<'/api/products/proposals/{id}'>;
export type ProposalStatus = Proposal['status'];
