/**
 * The formatted bibliography entries arrive as HTML strings (citation-js output). They are
 * parsed, never pasted: only inline formatting and web links survive, everything else becomes
 * its text or is dropped.
 */
import type {ElementContent, Properties} from 'hast'
import {fragmentTree} from './fragment.js'
import {isSafeUrl} from './urls.js'

/** Elements kept as they are (without attributes, except a link's href and a span's class). */
const inlineElements = new Set(['i', 'em', 'b', 'strong', 'sup', 'sub', 'span', 'a', 'small', 'br'])
/** Elements dropped with their content. */
const droppedElements = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'img'])
/** Block wrappers turned into spans so an entry stays phrasing content. */
const blockElements = new Set(['div', 'p'])

/** Safe phrasing content of a formatted entry. */
export function entryContent(html: string): ElementContent[] {
  const tree = fragmentTree(html)
  return clean(tree.children.filter((node): node is ElementContent => node.type === 'element' || node.type === 'text'))
}

function clean(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [node]
    if (node.type !== 'element' || droppedElements.has(node.tagName)) return []
    const children = clean(node.children)
    if (blockElements.has(node.tagName)) return [{type: 'element', tagName: 'span', properties: classOf(node.properties), children}]
    if (!inlineElements.has(node.tagName)) return children
    if (node.tagName === 'a') {
      const href = node.properties.href
      return typeof href === 'string' && isSafeUrl(href) ? [{type: 'element', tagName: 'a', properties: {href}, children}] : children
    }
    const properties = node.tagName === 'span' ? classOf(node.properties) : {}
    return [{type: 'element', tagName: node.tagName, properties, children}]
  })
}

/** Only `csl-*` classes: they carry the style's structure and nothing else. */
function classOf(properties: Properties): Properties {
  const value = properties.className
  const classes = Array.isArray(value) ? value.map(String).filter((name) => /^csl-[\w-]+$/.test(name)) : []
  return classes.length > 0 ? {className: classes} : {}
}
