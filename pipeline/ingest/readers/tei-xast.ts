/** Small helpers over xast for the TEI reader: names without prefixes, attributes, text. */
import type {Element, ElementContent, RootContent} from 'xast'

/** The local name: `tei:note` and `note` are the same element. */
export function localName(element: Element): string {
  const colon = element.name.indexOf(':')
  return colon === -1 ? element.name : element.name.slice(colon + 1)
}

export function attribute(element: Element, name: string): string | undefined {
  const value = element.attributes[name]
  return typeof value === 'string' ? value : undefined
}

export function isElement(node: ElementContent | RootContent | undefined): node is Element {
  return node?.type === 'element'
}

export function childElements(element: Element): Element[] {
  return element.children.filter(isElement)
}

/** The first descendant (or self) named `name`, in document order. */
export function findElement(nodes: ReadonlyArray<ElementContent | RootContent>, name: string): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue
    if (localName(node) === name) return node
    const found = findElement(node.children, name)
    if (found) return found
  }
  return undefined
}

/** Text content with a space between elements (a header's `<forename>` and `<surname>`), collapsed. */
export function spacedText(nodes: readonly ElementContent[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') out += node.value
    else if (node.type === 'element') out += ` ${spacedText(node.children)} `
  }
  return out.replace(/\s+/g, ' ').trim()
}

/** Text content as it stands, markup left out. */
export function plainText(nodes: readonly ElementContent[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') out += node.value
    else if (node.type === 'element') out += plainText(node.children)
  }
  return out
}

/** XML white space (not U+00A0, which the text means). */
export const xmlSpace = /[ \t\n\r]+/g

export function isBlank(value: string): boolean {
  return /^[ \t\n\r]*$/.test(value)
}
