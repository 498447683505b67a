/**
 * A pre-order walk over an mdast tree, for the passes that read every node of every document
 * (its counts, its title, its notes, its citation keys). `unist-util-visit` makes a closure and
 * a list of ancestors for each node it meets, which took about 7% of the document stage; these
 * passes need neither. `enter` returning `false` skips the node's children. The tree must keep
 * its shape while it is walked (a node's fields may change).
 */
import type {Nodes, Parents} from 'mdast'

export function walk(node: Nodes, enter: (node: Nodes, parent: Parents | undefined) => boolean | void, parent?: Parents): void {
  if (enter(node, parent) === false || !('children' in node)) return
  for (const child of node.children as Nodes[]) walk(child, enter, node)
}
