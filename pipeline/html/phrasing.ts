/**
 * Turning a note's blocks into phrasing content, so the note can sit inside the paragraph that
 * calls it: a sidenote must be inside the `<p>` to float beside its line, and a printed note is
 * a span at its call that Paged.js floats to the foot of the page.
 */
import type {Element, ElementContent, Properties} from 'hast'

/** Flow elements and the class their phrasing stand-in gets on the site. */
const flowToClass: Record<string, string> = {
  p: 'sn-p', div: 'sn-p', section: 'sn-p', blockquote: 'sn-quote', pre: 'sn-pre',
  ul: 'sn-list', ol: 'sn-list', li: 'sn-item', dl: 'sn-list', dt: 'sn-item', dd: 'sn-item',
  h1: 'sn-h', h2: 'sn-h', h3: 'sn-h', h4: 'sn-h', h5: 'sn-h', h6: 'sn-h',
  table: 'sn-list', thead: 'sn-p', tbody: 'sn-p', tfoot: 'sn-p', tr: 'sn-item', td: 'sn-cell', th: 'sn-cell',
  hr: 'sn-rule', figure: 'sn-p', figcaption: 'sn-p', aside: 'sn-p'
}

/**
 * `nodes` as phrasing content: every flow element becomes a span. `properties` gives each
 * element of the result its properties, from the element and, for a flow element, the site's
 * class for its stand-in.
 */
export function asPhrasing(nodes: readonly ElementContent[], properties: (element: Element, siteClass: string | undefined) => Properties): ElementContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return {...node}
    const siteClass = flowToClass[node.tagName]
    return {type: 'element', tagName: siteClass ? 'span' : node.tagName, properties: properties(node, siteClass), children: asPhrasing(node.children, properties)}
  })
}

/** A copy of note content as phrasing, without ids (the original keeps them). */
export function phrasingCopy(nodes: readonly ElementContent[]): ElementContent[] {
  return asPhrasing(nodes, (element, siteClass) => {
    if (siteClass) return {className: [siteClass]}
    const {id: _id, ...properties} = element.properties
    return properties
  })
}
