/** The parts of a Word file the reader needs, parsed: unzipped with fflate, XML read with xast-util-from-xml. */
import {unzipSync} from 'fflate'
import type {Element, ElementContent, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {report} from '../rules.js'

const partNames = {
  document: 'word/document.xml',
  footnotes: 'word/footnotes.xml',
  endnotes: 'word/endnotes.xml',
  comments: 'word/comments.xml',
  styles: 'word/styles.xml',
  numbering: 'word/numbering.xml',
  core: 'docProps/core.xml',
  settings: 'word/settings.xml',
  /** Relationships: the targets of hyperlinks (`r:id`) in the document and in its notes. */
  documentRels: 'word/_rels/document.xml.rels',
  footnotesRels: 'word/_rels/footnotes.xml.rels',
  endnotesRels: 'word/_rels/endnotes.xml.rels'
} as const

export type PartName = keyof typeof partNames

export type Parts = {document: Root} & Partial<Record<Exclude<PartName, 'document'>, Root>>

/** The parsed parts, or undefined with an error on `file` when the file cannot be read. */
export function readParts(bytes: Uint8Array, file: VFile): Parts | undefined {
  const wanted = new Set<string>(Object.values(partNames))
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {filter: (entry) => wanted.has(entry.name)})
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    report(file, 'docx-invalid', `Unexpected data that is not a whole ZIP archive (${detail}), expected a Word .docx file`, {line: 1, column: 1})
    return undefined
  }
  if (!entries[partNames.document]) {
    report(file, 'docx-invalid', `Unexpected ZIP archive without \`${partNames.document}\`, expected a Word .docx file`, {line: 1, column: 1})
    return undefined
  }
  const parsed: Partial<Record<PartName, Root>> = {}
  for (const [key, name] of Object.entries(partNames) as Array<[PartName, string]>) {
    const data = entries[name]
    if (!data) continue
    try {
      parsed[key] = fromXml(new TextDecoder().decode(data))
    } catch (error) {
      // Positions are in the part's XML, which the message names.
      const place = error instanceof VFileMessage && error.line !== undefined ? {line: error.line, column: error.column ?? 1} : undefined
      const detail = error instanceof Error ? error.message : String(error)
      report(file, 'docx-invalid', `Unexpected malformed XML in \`${name}\` (${detail}), expected well-formed XML`, place)
      return undefined
    }
  }
  const document = parsed.document
  if (!document) return undefined
  return {...parsed, document}
}

/** A name without its namespace prefix (`w:p` → `p`): Word's prefixes are customary, not fixed. */
export function local(element: Element): string {
  const colon = element.name.indexOf(':')
  return colon === -1 ? element.name : element.name.slice(colon + 1)
}

/** An attribute by its local name (`w:val` → `val`). */
export function attribute(element: Element, name: string): string | undefined {
  for (const [key, value] of Object.entries(element.attributes)) {
    const colon = key.indexOf(':')
    if ((colon === -1 ? key : key.slice(colon + 1)) === name && value !== null && value !== undefined) return String(value)
  }
  return undefined
}

export function childElements(element: Element | Root): Element[] {
  return (element.children as Array<ElementContent>).filter((child): child is Element => child.type === 'element')
}

export function child(element: Element | Root, name: string): Element | undefined {
  return childElements(element).find((candidate) => local(candidate) === name)
}

/** Every descendant element named `name`, in document order, not inside another one. */
export function descendants(element: Element | Root, name: string): Element[] {
  const found: Element[] = []
  const visit = (parent: Element | Root): void => {
    for (const candidate of childElements(parent)) {
      if (local(candidate) === name) found.push(candidate)
      else visit(candidate)
    }
  }
  visit(element)
  return found
}

/** The text of an element's descendants named `t` (Word's text, also in Dublin Core it is the content). */
export function plainText(element: Element): string {
  let out = ''
  for (const node of element.children) {
    if (node.type === 'text') out += node.value
    else if (node.type === 'element') out += plainText(node)
  }
  return out
}

/** A part's external link targets: relationship id → URL. */
export function linkTargets(rels: Root | undefined): Map<string, string> {
  const targets = new Map<string, string>()
  if (!rels) return targets
  for (const relationship of descendants(rels, 'Relationship')) {
    const id = attribute(relationship, 'Id')
    const target = attribute(relationship, 'Target')
    if (id !== undefined && target !== undefined && /\/hyperlink$/.test(attribute(relationship, 'Type') ?? '')) targets.set(id, target)
  }
  return targets
}

/** An on/off property (`<w:i/>`, `<w:i w:val="false"/>`). */
export function isOn(element: Element | undefined): boolean {
  if (!element) return false
  const value = attribute(element, 'val')
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value.toLowerCase())
}
