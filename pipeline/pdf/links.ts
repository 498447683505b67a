/**
 * What each link of the print document leads to, in words: PDF/UA asks every link annotation
 * for a description (`/Contents`), which Chromium does not write. A link's destination is the
 * id of its target element (Chromium names its destinations so), described here by that element.
 */
import type {Element, ElementContent} from 'hast'
import {toString} from 'hast-util-to-string'
import type {PrintLabels} from '../../templates/pdf/labels.js'
import {directive} from '../shared/annotations.js'

const descriptionLength = 100

function classes(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

function short(text: string): string {
  const flat = text.replace(/[\s\u00ad]+/g, (space) => (space === '\u00ad' ? '' : ' ')).trim()
  return flat.length > descriptionLength ? `${flat.slice(0, descriptionLength - 1).trimEnd()}…` : flat
}

function firstHeading(element: Element): Element | undefined {
  for (const child of element.children) {
    if (child.type !== 'element') continue
    if (/^h[1-6]$/.test(child.tagName)) return child
    const inner = child.tagName === 'header' ? firstHeading(child) : undefined
    if (inner) return inner
  }
  return undefined
}

/** The description of one target element. */
function describe(element: Element, labels: PrintLabels): string {
  const names = classes(element)
  // The element's own text only when it is printed: a section's would be its whole chapter.
  const text = () => short(toString(element))
  if (names.includes('note-number')) return `${labels.linkNote} ${text()}`
  if (names.includes('note-call')) return `${labels.linkCall} ${text()}`
  if (names.includes(directive.emend)) return `${labels.linkEmendation}: ${text()}`
  if (names.includes('removed-mark')) return labels.linkRemoval
  // A heading is given whole: it names what the link opens.
  const heading = /^h[1-6]$/.test(element.tagName) ? element : firstHeading(element)
  return heading ? toString(heading).replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim() : text()
}

/** The description of every element with an id in `nodes`, by id. */
export function linkDescriptions(nodes: ElementContent[], labels: PrintLabels): Record<string, string> {
  const descriptions: Record<string, string> = {}
  const visit = (node: ElementContent) => {
    if (node.type !== 'element') return
    const id = node.properties.id
    if (typeof id === 'string' && id !== '') {
      const description = describe(node, labels)
      if (description !== '') descriptions[id] = description
    }
    node.children.forEach(visit)
  }
  nodes.forEach(visit)
  return descriptions
}
