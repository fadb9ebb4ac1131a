export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** Nests a flat list by parent id; rows whose parent is missing (out of scope, or a root) become roots. */
export function nest<T>(rows: readonly T[], idOf: (row: T) => number, parentOf: (row: T) => number | null): TreeNode<T>[] {
  const nodes = new Map(rows.map((row) => [idOf(row), { item: row, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = parentOf(node.item);
    const parent = parentId === null ? undefined : nodes.get(parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Maps a nested tree into any node shape (antd Tree, TreeSelect …). */
export function mapTree<T, N>(nodes: TreeNode<T>[], map: (item: T, children: N[] | undefined) => N): N[] {
  return nodes.map((node) => map(node.item, node.children.length ? mapTree(node.children, map) : undefined));
}
