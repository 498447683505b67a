/**
 * What BibLaTeX and BibTeX exports share: TeX escaping (citation-js escapes nothing when
 * ASCII folding is off), CSL items prepared for citation-js's BibTeX mappings, entries as
 * citation-js returns them, and their serialization.
 */
import type {CslItem, CslName} from '../shared/types/csl.js'
import {archiveLocationText, displayTitle} from '../bibliography/archival-text.js'

/** Keyword that marks an entry holding a citation the grammar could not read. */
export const unparsedKeyword = 'unparsed'

/** An entry as citation-js's `{format: 'object'}` output gives it. */
export interface TexEntry {
  type: string
  label: string
  properties: Record<string, string>
}

/** Characters TeX reads as commands, and how to write them as text. */
const texSpecials: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#',
  _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}'
}

/** Escape TeX specials; letters of every script stay as they are. */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => texSpecials[char] ?? char)
}

/** CSL fields citation-js writes verbatim (URLs, DOIs): not escaped. */
const verbatimFields = new Set(['URL', 'DOI'])

const nameParts = ['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'literal'] as const

function escapeName(name: CslName): CslName {
  // citation-js writes a literal name wrongly; as a family name it is braced whole.
  if (name.literal !== undefined && !name.family) return {family: escapeTex(name.literal)}
  const out: CslName = {}
  for (const part of nameParts) {
    const value = name[part]
    if (value !== undefined) out[part] = escapeTex(value)
  }
  return out
}

function isNameList(value: unknown): value is CslName[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null)
}

/** A copy of an item as citation-js should see it for BibTeX output: escaped, archival fields mapped. */
export function prepareForTex(item: CslItem): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(item)) {
    if (field === 'custom' || field === 'archive' || field === 'archive_location' || field === 'archive-place' || field === 'archive_collection' || field === 'recipient') continue
    if (typeof value === 'string') out[field] = field === 'id' || verbatimFields.has(field) ? value : escapeTex(value)
    else if (isNameList(value)) out[field] = value.map(escapeName)
    else out[field] = value
  }
  const title = displayTitle(item)
  if (!item.title && title) out.title = escapeTex(title)
  if (item.custom?.unparsed) out.keyword = unparsedKeyword
  const library = archiveLocationText(item)
  if (library) out['call-number'] = escapeTex(library)
  const issued = item.issued
  // A date only printed (`Spring and Fall 1994`) cannot be an ISO date; it is kept in the note,
  // and the years it names (one, or the first and last) are the entry's date.
  const printedDate = issued && !issued['date-parts'] ? issued.literal ?? issued.raw : undefined
  if (issued && !issued['date-parts']) {
    const years = yearsPrinted(printedDate ?? '')
    if (years.length > 0) out.issued = {'date-parts': years.map((year) => [year])}
    else delete out.issued
  }
  const note = [item.note, correspondenceNote(item), printedDate].filter(Boolean).join('. ')
  if (note) out.note = escapeTex(note)
  return out
}

/** The years a printed date names: one, or the first and the last of a span. */
function yearsPrinted(text: string): number[] {
  const years = [...new Set((text.match(/(?<!\d)(?:1[5-9]|20)\d\d(?!\d)/g) ?? []).map(Number))].sort((a, b) => a - b)
  if (years.length <= 1) return years
  return [years[0] ?? 0, years[years.length - 1] ?? 0]
}

function nameText(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ')
}

/** `Generalov in Pyongyang to Lozovsky`: sender and recipient as printed, for a note. */
export function correspondenceNote(item: CslItem): string | undefined {
  const sender = item.custom?.sender
  const recipients = item.recipient?.map(nameText).join(', ')
  if (!sender && !recipients) return undefined
  if (sender && recipients) return `${sender} to ${recipients}`
  return sender ? `From ${sender}` : `To ${recipients}`
}

/** Whether a value is a citation-js entry object. */
function isTexEntry(value: unknown): value is TexEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry: Partial<Record<string, unknown>> = {...value}
  return typeof entry.type === 'string' && typeof entry.label === 'string' &&
    typeof entry.properties === 'object' && entry.properties !== null
}

/**
 * citation-js's entry of each item, under the item's key. It writes one entry per item, in
 * order, but changes the labels it finds unsafe (`avprf-f07-op12-d327` → `avprff07op12d327`),
 * so entries are matched by position (by label only if it wrote fewer).
 */
export function entriesOfItems(items: readonly CslItem[], output: unknown): TexEntry[] {
  const entries = Array.isArray(output) ? output.filter(isTexEntry) : []
  const byLabel = new Map(entries.map((entry) => [entry.label, entry]))
  return items.map((item, index) => {
    const entry = entries.length === items.length ? entries[index] : byLabel.get(item.id)
    return {type: entry?.type ?? 'misc', label: item.id, properties: entry?.properties ?? {}}
  })
}

/** Serialize an entry; bare values (BibTeX month macros) are written without braces. */
export function serializeEntry(entry: TexEntry, bare: ReadonlySet<string> = new Set()): string {
  const lines = [`@${entry.type}{${entry.label},`]
  for (const [field, value] of Object.entries(entry.properties)) {
    lines.push(bare.has(field) ? `\t${field} = ${value},` : `\t${field} = {${value}},`)
  }
  lines.push('}')
  return lines.join('\n')
}
