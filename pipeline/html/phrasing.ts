/**
 * Turning a note's blocks into phrasing content, so a copy of the note can sit inside the
 * paragraph that references it (a sidenote must be inside the `<p>` to float beside its line).
 */
import type {Element, ElementContent, Properties} from 'hast'

/** Flow elements and the class their phrasing stand-in gets. */
const flowToClass: Record<string, string> = {
  p: 'sn-p', div: 'sn-p', section: 'sn-p', blockquote: 'sn-quote', pre: 'sn-pre',
  ul: 'sn-list', ol: 'sn-list', li: 'sn-item', dl: 'sn-list', dt: 'sn-item', dd: 'sn-item',
  h1: 'sn-h', h2: 'sn-h', h3: 'sn-h', h4: 'sn-h', h5: 'sn-h', h6: 'sn-h',
  table: 'sn-list', thead: 'sn-p', tbody: 'sn-p', tfoot: 'sn-p', tr: 'sn-item', td: 'sn-cell', th: 'sn-cell',
  hr: 'sn-rule', figure: 'sn-p', figcaption: 'sn-p', aside: 'sn-p'
}

/** A copy of note content as phrasing, without ids (the original keeps them). */
export function phrasingCopy(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.map(copyNode)
}

function copyNode(node: ElementContent): ElementContent {
  if (node.type !== 'element') return {...node}
  const properties: Properties = {...node.properties}
  delete properties.id
  const replacement = flowToClass[node.tagName]
  const element: Element = {
    type: 'element',
    tagName: replacement ? 'span' : node.tagName,
    properties: replacement ? {className: [replacement]} : properties,
    children: phrasingCopy(node.children)
  }
  return element
}
