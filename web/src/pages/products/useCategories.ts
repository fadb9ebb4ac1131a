import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call } from '../../api/client';
import { mapTree, nest } from '../../components/tree';
import { productKeys } from './keys';
import type { Category } from './types';

export interface CategoryNode {
  value: number;
  title: string;
  key: number;
  category: Category;
  children?: CategoryNode[];
}

/** The category tree for the catalog's side panel and for pickers (TreeSelect takes the same nodes). */
export function useCategoryTree() {
  const query = useQuery({ queryKey: productKeys.categories, queryFn: () => call(api.GET('/api/products/categories')) });
  const tree = useMemo(
    () =>
      mapTree(
        nest(
          query.data ?? [],
          (c) => c.id,
          (c) => c.parentId,
        ),
        (c, children): CategoryNode => ({ value: c.id, key: c.id, title: c.name, category: c, children }),
      ),
    [query.data],
  );
  return { ...query, tree };
}
