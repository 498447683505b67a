/**
 * The archival hierarchy of the bibliography: archive → fond → opis → delo → documents, the
 * way an archival index is read. Items sit at the deepest level their reference names (a
 * reference to a whole opis sits on the opis).
 */
import type {CslItem} from '../shared/types/csl.js'
import {isoOf} from './dates.js'
import {asciiFold} from './normalize.js'

export type ArchiveLevel = 'archive' | 'fond' | 'opis' | 'delo'

export interface ArchiveNode {
  level: ArchiveLevel
  /** The unit as cited: `AVP RF`, `059a`, `5a`, `3`; empty for documents whose archive is not named. */
  name: string
  /** Heading: `AVP RF`, `Fond 059a`, `Opis 5a`, `Delo 3`, `Archive not named`. */
  label: string
  /** Stable id for anchors, e.g. `avp-rf.f-059a.op-5a.d-3`. */
  id: string
  /** Papka (box) of a delo, when cited. */
  papka?: string
  children: ArchiveNode[]
  /** Keys of the items at this level, by document date then key. */
  items: string[]
}

/** Labels of the levels, as headings print them. */
const levelLabels: Record<Exclude<ArchiveLevel, 'archive'>, string> = {fond: 'Fond', opis: 'Opis', delo: 'Delo'}
const idPrefixes: Record<ArchiveLevel, string> = {archive: '', fond: 'f-', opis: 'op-', delo: 'd-'}

/** Label of documents cited without an archive (collection codes such as `SD00245`). */
export const unnamedArchive = 'Archive not named'

function slug(text: string): string {
  return asciiFold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x'
}

/** Natural order of unit numbers: `7` < `07a` < `18` < `059a` by number, then by text. */
export function compareUnits(a: string, b: string): number {
  const numberA = Number.parseInt(a.replace(/^\D+/, ''), 10)
  const numberB = Number.parseInt(b.replace(/^\D+/, ''), 10)
  if (Number.isFinite(numberA) && Number.isFinite(numberB) && numberA !== numberB) return numberA - numberB
  if (Number.isFinite(numberA) !== Number.isFinite(numberB)) return Number.isFinite(numberA) ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Whether an item is an archival one: it has an archive, or it was cited as an archival
 * document (`custom.archival`), even one whose archive the citation does not name.
 */
export function isArchivalItem(item: CslItem): boolean {
  return Boolean(item.archive || item.custom?.archival)
}

function child(parent: ArchiveNode, level: ArchiveLevel, name: string): ArchiveNode {
  let node = parent.children.find((entry) => entry.name === name)
  if (!node) {
    const label = level === 'archive' ? name : `${levelLabels[level]} ${name}`
    node = {level, name, label, id: `${parent.id}.${idPrefixes[level]}${slug(name)}`, children: [], items: []}
    parent.children.push(node)
  }
  return node
}

function sortNode(node: ArchiveNode, order: Map<string, string>): void {
  node.children.sort((a, b) => compareUnits(a.name, b.name))
  node.items.sort((a, b) => {
    const dateA = order.get(a) ?? ''
    const dateB = order.get(b) ?? ''
    return dateA < dateB ? -1 : dateA > dateB ? 1 : a < b ? -1 : a > b ? 1 : 0
  })
  for (const entry of node.children) sortNode(entry, order)
}

/** Build the hierarchy of the archival items (other items are left out). */
export function archivalHierarchy(items: CslItem[]): ArchiveNode[] {
  const roots = new Map<string, ArchiveNode>()
  const order = new Map<string, string>()
  for (const item of items) {
    if (!isArchivalItem(item)) continue
    const archival = item.custom?.archival ?? {}
    const archive = archival.archive ?? item.archive ?? ''
    let node = roots.get(archive)
    if (!node) {
      node = {level: 'archive', name: archive, label: archive || unnamedArchive, id: archive ? slug(archive) : 'unnamed', children: [], items: []}
      roots.set(archive, node)
    }
    if (archival.fond !== undefined) {
      node = child(node, 'fond', archival.fond)
      if (archival.opis !== undefined) {
        node = child(node, 'opis', archival.opis)
        if (archival.delo !== undefined) {
          node = child(node, 'delo', archival.delo)
          if (archival.papka !== undefined && node.papka === undefined) node.papka = archival.papka
        }
      }
    }
    node.items.push(item.id)
    order.set(item.id, isoOf(item.issued) ?? '9999')
  }
  const list = [...roots.values()].sort((a, b) => {
    if (!a.name || !b.name) return a.name ? -1 : b.name ? 1 : 0
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  })
  for (const node of list) sortNode(node, order)
  return list
}
