import { definePermissions } from '../../platform/access/permissions.js';

export const ProductPermissions = definePermissions('products', {
  read: { 'zh-CN': '查看产品目录与价格表', en: 'View the catalog and price lists' },
  'catalog.manage': { 'zh-CN': '维护品类、产品与 SKU', en: 'Maintain categories, products and SKUs' },
  'prices.manage': { 'zh-CN': '维护价格表与底价', en: 'Maintain price lists and floor prices' },
  'proposals.submit': { 'zh-CN': '提交新产品开发建议书', en: 'Submit new product proposals' },
  'proposals.review': { 'zh-CN': '评审新产品开发建议书', en: 'Review new product proposals' },
});
