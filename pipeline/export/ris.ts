/**
 * RIS export for Zotero (and every tool that reads RIS). citation-js writes the records; we
 * add what it drops: the archive in `DB` and the place in the archive in `AN`, the tags
 * Zotero's RIS translator reads as `archive` and `archiveLocation` (plus `AV`, which
 * citation-js reads back as `archive_location`), and the full key in `ID` (citation-js cuts
 * it at 20 characters). Archival documents are manuscripts (`MANSCPT`), as Zotero files them.
 */
import type {CslItem} from '../shared/types/csl.js'
import {isArchivalItem} from '../bibliography/hierarchy.js'
import {displayTitle} from '../bibliography/archival-text.js'
import {cite, parseWithCitationJs} from './cite.js'
import {correspondenceNote, unparsedKeyword} from './tex.js'
import {rangeOf} from '../bibliography/pages.js'

/** The archival location without the archive (that goes to `DB`). */
function locationOf(item: CslItem): string | undefined {
  const parts = [item['archive_location'], item.custom?.archival?.sdCode].filter((part): part is string => Boolean(part))
  return parts.length > 0 ? parts.join(', ') : undefined
}

/** The item as citation-js should see it for RIS: archival documents as manuscripts. */
function prepare(item: CslItem): Record<string, unknown> {
  const out: Record<string, unknown> = {...item}
  delete out.custom
  if (isArchivalItem(item)) out.type = 'manuscript'
  // Zotero's letter is a personal communication (`PCOMM`); one printed in a collection, a book section.
  else if (item.type === 'letter') out.type = item['container-title'] ? 'chapter' : 'personal_communication'
  const title = displayTitle(item)
  if (!item.title && title) out.title = title
  if (item.custom?.unparsed) out.keyword = unparsedKeyword
  const note = [item.note, correspondenceNote(item)].filter(Boolean).join('. ')
  if (note) out.note = note
  return out
}

type Line = [tag: string, value: string]

/** Tagged lines of a record; citation-js wraps values at 70 characters, we join them again. */
function parseRecord(text: string): Line[] {
  const lines: Line[] = []
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9])  - ?(.*)$/.exec(line)
    const last = lines[lines.length - 1]
    if (match?.[1]) lines.push([match[1], match[2] ?? ''])
    else if (last && line !== '') last[1] += line
  }
  return lines
}

function finishRecord(lines: Line[], item: CslItem): string {
  const archive = item.archive ?? item.custom?.archival?.archive
  const location = locationOf(item)
  const out: Line[] = []
  for (const [tag, value] of lines) {
    if (tag === 'ER' || tag === 'ID') continue
    // citation-js writes a manuscript's archive as its publisher; Zotero reads it from DB.
    if (tag === 'PB' && archive && value === archive && isArchivalItem(item)) continue
    // RIS gives a range as its start page (SP) and end page (EP); citation-js writes `SP  - 113-40`.
    const range = tag === 'SP' ? rangeOf(value) : undefined
    if (range && !lines.some(([other]) => other === 'EP')) {
      out.push(['SP', range.from], ['EP', range.to])
      continue
    }
    out.push([tag, value])
  }
  // citation-js writes only the year (PY) for some types; Zotero reads the full date from DA.
  const parts = item.issued?.['date-parts']?.[0]
  if (parts && parts.length > 1 && !out.some(([tag]) => tag === 'DA')) out.push(['DA', `${parts.join('/')}/`])
  out.push(['ID', item.id])
  if (archive) out.push(['DB', archive])
  if (location) out.push(['AN', location], ['AV', location])
  const body = out.map(([tag, value]) => `${tag}  - ${value}`.trimEnd())
  return [...body, 'ER  - '].join('\n')
}

/** A RIS file of items. */
export function toRis(items: CslItem[]): string {
  if (items.length === 0) return ''
  const output = cite(items.map(prepare)).format('ris')
  const text = typeof output === 'string' ? output : ''
  const records = text.split(/^ER {2}- *$/m).map(parseRecord).filter((lines) => lines.length > 0)
  const byId = new Map<string, Line[]>()
  records.forEach((lines, position) => {
    const item = items[position]
    if (item) byId.set(item.id, lines)
  })
  return items.map((item) => finishRecord(byId.get(item.id) ?? [['TY', 'GEN']], item)).join('\n\n') + '\n'
}

/** Tags citation-js does not read back for every record type, and the CSL fields they fill. */
const readBack: Record<string, string> = {M3: 'genre', SN: 'number'}

/** Read a RIS file with citation-js, mapping back what our export adds (`DB` is the archive). */
export function readRis(text: string): Array<Record<string, unknown>> {
  const tagged = text.split(/^ER {2}- *$/m).map(parseRecord).filter((lines) => lines.length > 0)
  return parseWithCitationJs(text).map((record, position) => {
    const out: Record<string, unknown> = typeof record === 'object' && record !== null ? {...record} : {}
    if (out.source !== undefined && out.archive === undefined) {
      out.archive = out.source
      delete out.source
    }
    for (const [tag, value] of tagged[position] ?? []) {
      const field = readBack[tag]
      if (field && out[field] === undefined) out[field] = value
    }
    return out
  })
}
