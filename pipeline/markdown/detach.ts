/**
 * Takes out of their parents the nodes a visit found (removed after the visit, so the tree keeps
 * its shape while it is visited), each parent's children once.
 */
import type {Parents, RootContent} from 'mdast'

export function detach(found: ReadonlyArray<{node: RootContent; parent: Parents}>): void {
  const byParent = new Map<Parents, Set<RootContent>>()
  for (const {node, parent} of found) {
    let nodes = byParent.get(parent)
    if (!nodes) byParent.set(parent, (nodes = new Set()))
    nodes.add(node)
  }
  for (const [parent, nodes] of byParent) {
    const siblings: RootContent[] = parent.children
    let kept = 0
    for (const child of siblings) if (!nodes.has(child)) siblings[kept++] = child
    siblings.length = kept
  }
}
