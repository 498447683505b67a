/**
 * The archival index: cited archival items arranged archive → fond → opis → delo (or a
 * shelfmark, or a collection code), each document with its date, sender → recipient and
 * description.
 */
import {archiveLocationText} from '../bibliography/archival-text.js'
import type {ArchivalLocation, CslItem, CslName} from '../shared/types/csl.js'
import {formatCslDate, isoCslDate} from './dates.js'
import {anchorId} from './urls.js'

export interface ArchivalDocumentEntry {
  key: string
  date?: string
  /** ISO date (possibly partial) for sorting and `<time>`. */
  iso?: string
  sender?: string
  recipient?: string
  description: string
  genre?: string
  papka?: string
}

export interface ArchiveNode {
  id: string
  label: string
  level: ArchiveLevel
  children: ArchiveNode[]
  documents: ArchivalDocumentEntry[]
}

export type ArchiveLevel = 'archive' | 'fond' | 'opis' | 'delo' | 'file' | 'collection'

/** The levels of an archival reference below the archive, in order, and how each is named. */
const levels: ReadonlyArray<{level: ArchiveLevel; field: keyof ArchivalLocation; label: (value: string) => string}> = [
  {level: 'fond', field: 'fond', label: (value) => `Fond ${value}`},
  {level: 'opis', field: 'opis', label: (value) => `Opis ${value}`},
  {level: 'delo', field: 'delo', label: (value) => `Delo ${value}`},
  {level: 'file', field: 'shelfmark', label: (value) => value},
  {level: 'collection', field: 'sdCode', label: (value) => `Collection code ${value}`}
]

/** Name of the group of items whose archive the source does not name. */
const unnamedArchive = 'Archive not named'

/** The archival location of an item, or undefined when it is not archival. */
export function archivalLocation(item: CslItem): ArchivalLocation | undefined {
  const archival = item.custom?.archival
  if (!archival && !item.archive) return undefined
  return {...archival, archive: archival?.archive ?? item.archive}
}

/** People as the index shows them: `T. F. Shtykov`, institutions by name. */
function nameList(names: CslName[] | undefined): string | undefined {
  if (!names || names.length === 0) return undefined
  const formatted = names.map((name) => name.literal ?? [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' '))
  return formatted.length <= 2 ? formatted.join(' and ') : `${formatted.slice(0, -1).join(', ')} and ${formatted.at(-1)}`
}

function documentEntry(item: CslItem, location: ArchivalLocation): ArchivalDocumentEntry {
  const sender = nameList(item.author) ?? (typeof item.custom?.sender === 'string' ? item.custom.sender : undefined)
  return {
    key: item.id,
    date: formatCslDate(item.issued),
    iso: isoCslDate(item.issued),
    sender,
    recipient: nameList(item.recipient),
    // Known only by its place in the archive: described by it (`AVP RF, f. 07, op. 12, d. 327, p. 25`).
    description: item.title ?? capitalized(item.genre) ?? archiveLocationText(item) ?? 'Document without a description',
    genre: item.title ? item.genre : undefined,
    papka: location.papka
  }
}

function capitalized(text: string | undefined): string | undefined {
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : undefined
}

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'})

/** The archival index of a bibliography, sorted (archives by name, levels naturally, documents by date). */
export function archivalIndex(items: readonly CslItem[]): ArchiveNode[] {
  const roots: ArchiveNode[] = []
  for (const item of items) {
    const location = archivalLocation(item)
    if (!location) continue
    const archive = location.archive ?? unnamedArchive
    let node = child(roots, 'archive', archive, [archive])
    const path = [archive]
    for (const {level, field, label} of levels) {
      const value = location[field]
      if (!value || (level === 'collection' && location.fond)) continue
      path.push(label(value))
      node = child(node.children, level, label(value), path)
    }
    node.documents.push(documentEntry(item, location))
  }
  sortNodes(roots)
  return roots
}

function child(siblings: ArchiveNode[], level: ArchiveLevel, label: string, path: string[]): ArchiveNode {
  const existing = siblings.find((node) => node.label === label)
  if (existing) return existing
  const node: ArchiveNode = {id: `archive-${anchorId(path.join('-'))}`, label, level, children: [], documents: []}
  siblings.push(node)
  return node
}

function sortNodes(nodes: ArchiveNode[]): void {
  nodes.sort((a, b) => Number(a.label === unnamedArchive) - Number(b.label === unnamedArchive) || collator.compare(a.label, b.label))
  for (const node of nodes) {
    node.documents.sort(compareDocuments)
    sortNodes(node.children)
  }
}

/** By date (undated last), then description, then key: a stable order. */
function compareDocuments(a: ArchivalDocumentEntry, b: ArchivalDocumentEntry): number {
  if (a.iso && b.iso && a.iso !== b.iso) return a.iso < b.iso ? -1 : 1
  if (Boolean(a.iso) !== Boolean(b.iso)) return a.iso ? -1 : 1
  return collator.compare(a.description, b.description) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/** Every document of the index, in date order. */
export function chronology(nodes: readonly ArchiveNode[]): ArchivalDocumentEntry[] {
  const all: ArchivalDocumentEntry[] = []
  const walk = (list: readonly ArchiveNode[]) => {
    for (const node of list) {
      all.push(...node.documents)
      walk(node.children)
    }
  }
  walk(nodes)
  return all.sort(compareDocuments)
}
