/**
 * What the TEI exports share: the TEI namespace, text that XML 1.0 can hold, identifiers that
 * are XML names, ISO dates for `@when`, and serialization with structural indentation (only
 * between elements of element-only content: whitespace in mixed content would be text).
 */
import type {Element, ElementContent, Root} from 'xast'
import {toXml} from 'xast-util-to-xml'
import {x} from 'xastscript'

export const teiNamespace = 'http://www.tei-c.org/ns/1.0'

/** Characters XML 1.0 cannot hold (controls but tab and line ends, non-characters, lone surrogates). */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text as XML 1.0 can hold it: a character it cannot is dropped (a form feed, a stray surrogate). */
export function xmlText(text: string): string {
  return text.replace(notXml, '')
}

/** An `xml:id` for a key or label: itself when it is an XML name (NCName), else made one. */
export function xmlId(value: string, prefix: string): string {
  if (/^[A-Za-z_][\w.-]*$/.test(value)) return value
  return `${prefix}-${value.replace(/[^\w.-]+/g, '-')}`
}

/** `@when` for an ISO date (`1993`, `1993-11`, `1993-11-04`), when the text is one. */
export function isoWhen(value: string | undefined): string | undefined {
  return value && /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(value) ? value : undefined
}

/** A BCP 47 tag TEI accepts in `@ident` and `xml:lang`. */
export function languageTag(value: string | undefined): string | undefined {
  return value && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value) ? value : undefined
}

/** Elements whose content is elements only: indented. The others are mixed content, written as they are. */
const structural = new Set([
  'TEI', 'teiHeader', 'fileDesc', 'titleStmt', 'publicationStmt', 'seriesStmt', 'sourceDesc', 'respStmt',
  'encodingDesc', 'editorialDecl', 'profileDesc', 'langUsage', 'text', 'front', 'body', 'back', 'div',
  'listBibl', 'biblStruct', 'analytic', 'monogr', 'imprint', 'series', 'msIdentifier', 'list', 'table',
  'row', 'availability'
])

/** Indent element-only content, down to the first element with mixed content (`also`: more structural names). */
function indent(node: Element, depth: number, also: ReadonlySet<string>): Element {
  if ((!structural.has(node.name) && !also.has(node.name)) || node.children.some((child) => child.type === 'text' && child.value.trim() !== '')) return node
  const children = node.children.map((child) => (child.type === 'element' ? indent(child, depth + 1, also) : child))
  const inner = '\n' + '  '.repeat(depth + 1)
  const spaced: ElementContent[] = []
  for (const child of children) {
    if (child.type === 'text') continue
    spaced.push({type: 'text', value: inner}, child)
  }
  if (spaced.length > 0) spaced.push({type: 'text', value: '\n' + '  '.repeat(depth)})
  return {...node, children: spaced}
}

/**
 * An XML document of a `TEI` element: declaration, indented structure, final line end.
 * `structural`: more elements to indent when their content is elements only (a bibliography's `bibl`s).
 */
export function teiDocument(tei: Element, structural: readonly string[] = []): string {
  const root: Root = x(null, [{type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"'}, {type: 'text', value: '\n'}, indent(tei, 0, new Set(structural)), {type: 'text', value: '\n'}])
  return toXml(root, {closeEmptyElements: true})
}
