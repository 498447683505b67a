/**
 * BibLaTeX export: citation-js maps CSL to BibLaTeX; we add what it drops (the archival
 * reference in `library`, sender and recipient in `note`), choose entry types whose
 * mandatory fields the item has, and keep fields the type cannot hold in `addendum`, so
 * biber validates every entry and nothing is lost. No date is invented: biber's data model
 * asks for one of an undated entry, and that is all it says.
 */
import type {CslDate, CslItem, CslType} from '../shared/types/csl.js'
import {cite, withBibtexSettings} from './cite.js'
import {addendumLabels, entryFields, globalFields, integerFields, mandatoryFields} from './biblatex-model.js'
import {isArchivalItem} from '../bibliography/hierarchy.js'
import {romanToNumber} from '../shared/roman.js'
import {entriesOfItems, escapeTex, prepareForTex, serializeEntry, type TexEntry} from './tex.js'

/** The entry type for a CSL type, before mandatory fields are checked. */
const entryTypes: Partial<Record<CslType, string>> = {
  'article': 'article', 'article-journal': 'article', 'article-magazine': 'article',
  'article-newspaper': 'article', 'review': 'article', 'review-book': 'article',
  'book': 'book', 'classic': 'book', 'collection': 'collection',
  'chapter': 'inbook', 'entry': 'inbook', 'entry-dictionary': 'inbook', 'entry-encyclopedia': 'inbook',
  'paper-conference': 'inproceedings', 'report': 'report', 'thesis': 'thesis',
  'manuscript': 'unpublished', 'webpage': 'online', 'post': 'online', 'post-weblog': 'online'
}

/** Where an entry goes when it lacks a mandatory field of its type. */
const fallbacks: Record<string, string> = {
  book: 'collection', collection: 'misc', inbook: 'incollection', incollection: 'misc',
  inproceedings: 'misc', article: 'misc', report: 'misc', thesis: 'misc', unpublished: 'misc',
  online: 'misc'
}

/** EDTF year divisions of the CSL seasons (1–4 or their names), which biber and pandoc read. */
const seasonDivisions: Record<string, number> = {
  1: 21, 2: 22, 3: 23, 4: 24, spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24
}

/** `1995-21` for Spring 1995: the season as EDTF, where the date has only years. */
function seasonDate(item: CslItem): string | undefined {
  const season = item.issued?.season
  const parts = item.issued?.['date-parts']
  if (season === undefined || !parts || parts.some((part) => part.length !== 1)) return undefined
  const division = seasonDivisions[String(season).toLowerCase()]
  return division === undefined ? undefined : parts.map((part) => `${part[0]}-${division}`).join('/')
}

/** Types that allow a `type` field, where CSL `genre` belongs. */
const typedEntries = new Set(['misc', 'report', 'thesis', 'unpublished'])

function has(properties: Record<string, string>, field: string | string[]): boolean {
  return Array.isArray(field) ? field.some((entry) => Boolean(properties[entry])) : Boolean(properties[field])
}

function satisfies(type: string, properties: Record<string, string>): boolean {
  return (mandatoryFields[type] ?? []).every((field) => has(properties, field))
}

function appendAddendum(properties: Record<string, string>, field: string, value: string): void {
  const label = addendumLabels[field] ?? `${field}:`
  const text = label ? `${label} ${value}` : value
  properties.addendum = properties.addendum ? `${properties.addendum}. ${text}` : text
}

/** Move `genre` (citation-js writes it as `entrysubtype`) to `type` where the type takes one. */
function placeGenre(type: string, properties: Record<string, string>): void {
  if (!typedEntries.has(type)) return
  const subtype = properties.entrysubtype
  if (subtype && !properties.type) {
    properties.type = subtype
    delete properties.entrysubtype
  }
  if ((type === 'report' || type === 'thesis') && !properties.type) properties.type = type
}

/** Pick the type, fill the title and date it must have, keep what it cannot hold in `addendum`. */
function finishEntry(entry: TexEntry, item: CslItem): TexEntry {
  const properties = {...entry.properties}
  // An archival item is a manuscript (`@unpublished`, `@misc` without an author); its archive
  // and place in it are in `library` and in `howpublished`, which pandoc reads (as publisher) and
  // biblatex styles print.
  const archival = isArchivalItem(item)
  let type = archival ? 'unpublished' : entryTypes[item.type] ?? 'misc'
  if (type === 'inbook' && item.editor && item.editor.length > 0) type = 'incollection'
  if (archival && properties.library && !properties.howpublished) properties.howpublished = properties.library
  // A court's decision, a patent office's grant: the issuing authority, which citation-js drops.
  if (item.authority && !properties.organization && !properties.institution) properties.organization = escapeTex(item.authority)
  // A letter kept alone (no collection): a `@misc` of type letter.
  if (item.type === 'letter' && !properties.entrysubtype && !properties.type) properties.entrysubtype = 'letter'
  placeGenre(type, properties)
  while (!satisfies(type, properties) && fallbacks[type]) {
    type = fallbacks[type] ?? 'misc'
    placeGenre(type, properties)
  }
  if (!properties.title) {
    // An untitled part stands under its container's title (the container moves up).
    const container = properties.journaltitle === undefined ? 'booktitle' : 'journaltitle'
    const moved = properties[container]
    delete properties[container]
    properties.title = moved ?? properties.type ?? properties.entrysubtype ?? properties.library ?? properties.note ?? 'Untitled'
  }
  const season = seasonDate(item)
  if (season) properties.date = season
  // Undated: no date at all, as biblatex styles (its `nodate` string) and pandoc ("n.d.") expect;
  // biber's data model, which asks every entry for one, says so for these entries alone.
  for (const field of integerFields) {
    const value = properties[field]
    if (value === undefined || /^\d+$/.test(value)) continue
    const roman = romanToNumber(value)
    if (roman !== undefined) properties[field] = String(roman)
    else {
      delete properties[field]
      appendAddendum(properties, field, value)
    }
  }
  const allowed = entryFields[type] ?? new Set<string>()
  for (const [field, value] of Object.entries(properties)) {
    if (field === 'addendum' || allowed.has(field) || globalFields.has(field)) continue
    delete properties[field]
    appendAddendum(properties, field, value)
  }
  return {type, label: entry.label, properties}
}

/**
 * A letter (or a document) printed in a collection as biber's default data model holds it (it
 * gives `@letter` no fields) and as biblatex-chicago reads it: an `@incollection` dated by the
 * collection, the letter's own date its `origdate`.
 */
function asPrinted(item: CslItem): CslItem {
  const collection = item.custom?.['containerIssued']
  if (!item['container-title'] || (item.type !== 'letter' && !isDate(collection))) return item
  const out: CslItem = {...item, type: 'chapter'}
  // Without the collection's year, the letter's date stays the entry's date.
  if (!isDate(collection)) return out
  if (item.issued) out['original-date'] = item.issued
  out.issued = collection
  return out
}

function isDate(value: unknown): value is CslDate {
  return typeof value === 'object' && value !== null && ('date-parts' in value || 'raw' in value || 'literal' in value)
}

/** The BibLaTeX entries of items (same order). */
export function biblatexEntries(items: CslItem[]): TexEntry[] {
  if (items.length === 0) return []
  const printed = items.map(asPrinted)
  const output = withBibtexSettings(() => cite(printed.map(prepareForTex)).format('biblatex', {format: 'object'}))
  const entries = entriesOfItems(printed, output)
  return printed.map((item, index) => finishEntry(entries[index]!, item))
}

/** A BibLaTeX file of items. */
export function toBiblatex(items: CslItem[]): string {
  return biblatexEntries(items).map((entry) => serializeEntry(entry)).join('\n\n') + '\n'
}
