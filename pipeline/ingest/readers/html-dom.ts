/** Small helpers over hast elements for the HTML reader. */
import type {Element, ElementContent, Root, RootContent} from 'hast'

export type Parent = Root | Element

/** Elements whose content is code or data, not words of the text. */
export const codeElements: ReadonlySet<string> = new Set(['script', 'style', 'template'])

/** Elements that start a new block (a line of text). */
const blockElements: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul'
])

export function isBlock(element: Element): boolean {
  return blockElements.has(element.tagName)
}

export function classesOf(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

export function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.join(' ')
  return undefined
}

export function idOf(element: Element): string | undefined {
  return stringProperty(element, 'id') || (element.tagName === 'a' ? stringProperty(element, 'name') : undefined) || undefined
}

/** The id a link points to in the same page (`#fn1`, `page.html#fn1` is another page). */
export function fragmentOf(element: Element): string | undefined {
  if (element.tagName !== 'a') return undefined
  const href = stringProperty(element, 'href')
  if (!href?.startsWith('#') || href.length < 2) return undefined
  try {
    return decodeURIComponent(href.slice(1))
  } catch {
    return href.slice(1)
  }
}

/** The text of a node as it reads, white space collapsed (code elements left out). */
export function textOf(node: Root | RootContent): string {
  return rawText(node).replace(/\s+/g, ' ').trim()
}

function rawText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' && codeElements.has(node.tagName)) return ''
  if (node.type === 'element' && node.tagName === 'img') return ` ${stringProperty(node, 'alt') ?? ''} `
  if (node.type !== 'element' && node.type !== 'root') return ''
  let out = ''
  for (const child of node.children) out += rawText(child)
  return out
}

/** The text of a node in lines: each block element starts a new one; empty lines left out. */
/** Inline elements the Markdown writes with `*` or `**`. */
const emphasisElements: ReadonlySet<string> = new Set(['em', 'i', 'strong', 'b', 'cite', 'dfn', 'var'])

export function linesOf(node: Root | RootContent): string[] {
  const lines: string[] = ['']
  const visit = (current: Root | RootContent): void => {
    if (current.type === 'text') {
      lines[lines.length - 1] += current.value
      return
    }
    if (current.type === 'element' && current.tagName === 'img') {
      lines[lines.length - 1] += ` ${stringProperty(current, 'alt') ?? ''} `
      return
    }
    if (current.type !== 'element' && current.type !== 'root') return
    if (current.type === 'element' && codeElements.has(current.tagName)) return
    const block = current.type === 'element' && isBlock(current)
    // Emphasis becomes `*` in the Markdown, which parts the words of `every <em>n</em>th` there: here too.
    const emphasis = current.type === 'element' && emphasisElements.has(current.tagName)
    if (block) lines.push('')
    if (emphasis) lines[lines.length - 1] += ' '
    for (const child of current.children) visit(child)
    if (emphasis) lines[lines.length - 1] += ' '
    if (block) lines.push('')
  }
  visit(node)
  return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '')
}

/** Pre-order walk of elements with their parent; `enter` returning 'skip' skips the children. */
export function walkElements(node: Parent, enter: (element: Element, parent: Parent, ancestors: readonly Element[]) => 'skip' | void): void {
  const ancestors: Element[] = []
  const visit = (parent: Parent): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (enter(child, parent, ancestors) === 'skip') continue
      ancestors.push(child)
      visit(child)
      ancestors.pop()
    }
  }
  if (node.type === 'element') ancestors.push(node)
  visit(node)
}

/** The first element named `tagName` in document order. */
export function findElement(node: Parent, tagName: string): Element | undefined {
  let found: Element | undefined
  walkElements(node, (element) => {
    if (found) return 'skip'
    if (element.tagName === tagName) found = element
  })
  return found
}

/** Replace `node` in its parent by `replacement` (nothing, when undefined). */
export function replaceChild(parent: Parent, node: ElementContent, replacement: ElementContent | undefined): void {
  const index = parent.children.indexOf(node)
  if (index === -1) return
  if (replacement) parent.children[index] = replacement
  else parent.children.splice(index, 1)
}
