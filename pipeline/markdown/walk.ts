/**
 * A pre-order walk over an mdast tree, for the passes that read every node of every document
 * (its counts, title, notes, citation keys, apparatus and search records). `unist-util-visit`
 * makes a closure and a new list of ancestors for each node it meets, which took about 7% of
 * the document stage; these passes need neither.
 *
 * `enter` gets the node and its ancestors, nearest last: one list, changed as the walk goes on,
 * so it is read during the call and not kept. `enter` returning `'skip'` skips the node's
 * children (the walk goes on with its next sibling; there is no early exit). The tree must
 * keep its shape while it is walked (a node's fields may change).
 */
import type {Nodes, Parents, RootContent} from 'mdast'

export function walk(tree: Nodes, enter: (node: Nodes, ancestors: readonly Parents[]) => 'skip' | void): void {
  const ancestors: Parents[] = []
  const visit = (node: Nodes): void => {
    if (enter(node, ancestors) === 'skip' || !('children' in node)) return
    ancestors.push(node)
    for (const child of node.children as Nodes[]) visit(child)
    ancestors.pop()
  }
  visit(tree)
}

/** Take out of their parents the nodes a walk found (the walk itself keeps the tree's shape), each parent's children once. */
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
