/**
 * CSL-JSON export: the items as they are, with keys in a fixed order so the file diffs well.
 * The model is CSL-JSON already; `custom` keeps the archival structure and edition links.
 */
import type {CslItem} from '../shared/types/csl.js'

/** Keys that lead every record; the rest follow alphabetically. */
const leading = ['id', 'type', 'author', 'editor', 'title', 'issued']

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value)
  entries.sort(([a], [b]) => {
    const rankA = leading.indexOf(a)
    const rankB = leading.indexOf(b)
    if (rankA !== -1 || rankB !== -1) return (rankA === -1 ? 99 : rankA) - (rankB === -1 ? 99 : rankB)
    return a < b ? -1 : a > b ? 1 : 0
  })
  return Object.fromEntries(entries.map(([key, entry]) => [key, ordered(entry)]))
}

/**
 * An item as the CSL schema types it: CSL 1.0.2 has no `letter` (the type Zotero's letters take
 * is `personal_communication`); the kind stays in `genre`.
 */
function asCsl(item: CslItem): CslItem {
  if (item.type !== 'letter') return item
  return {...item, type: 'personal_communication', genre: item.genre ?? 'letter'}
}

/** CSL-JSON text of items. */
export function toCslJson(items: CslItem[]): string {
  return JSON.stringify(items.map((item) => ordered(asCsl(item))), null, 2) + '\n'
}
