/** Query keys of the products pages. */
export const productKeys = {
  categories: ['products', 'categories'],
  products: ['products', 'list'],
  priceLists: ['products', 'price-lists'],
  priceList: (id: number) => ['products', 'price-lists', id],
  proposals: ['products', 'proposals'],
} as const;
