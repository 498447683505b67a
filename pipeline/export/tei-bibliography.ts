/**
 * TEI P5 export of the bibliography (`tei/bibliography.xml`): a `<listBibl>` with a
 * `<biblStruct>` for each published work (`<analytic>` for a part, `<monogr>` with its
 * `<imprint>`, `<series>`) and a `<bibl>` with an `<msIdentifier>` for each archival item
 * (`<repository>`, `<collection>`, `<idno type="fond|opis|delo|papka">`). Every entry's
 * `xml:id` is its key (made an XML name when it is not one), which the documents' citations
 * point to.
 */
import type {Element, ElementContent} from 'xast'
import {x} from 'xastscript'
import {rangeOf} from '../bibliography/pages.js'
import type {CslDate, CslItem, CslName, CslType} from '../shared/types/csl.js'
import type {EditionConfig} from '../shared/types/document.js'
import {isArchivalItem} from '../bibliography/hierarchy.js'
import {displayTitle} from '../bibliography/archival-text.js'
import {isoWhen, languageTag, teiDocument, teiNamespace, xmlId, xmlText} from './tei-xml.js'

/** CSL types whose title is part of a larger work (`<analytic>`), and the level of that work's title. */
const partOf: Partial<Record<CslType, 'j' | 'm'>> = {
  'article': 'j', 'article-journal': 'j', 'article-magazine': 'j', 'article-newspaper': 'j',
  'review': 'j', 'review-book': 'j', 'chapter': 'm', 'entry': 'm', 'entry-dictionary': 'm',
  'entry-encyclopedia': 'm', 'paper-conference': 'm', 'post': 'j', 'post-weblog': 'j', 'interview': 'j'
}

/** Archival levels as `idno` types, in the order of the reference. */
const archivalLevels = ['fond', 'opis', 'delo', 'papka', 'shelfmark'] as const

function persName(name: CslName): Element | string {
  if (name.literal || !name.family) return xmlText(name.literal ?? name.given ?? '')
  const particle = name['non-dropping-particle'] ?? name['dropping-particle']
  return x('persName', [
    name.given ? x('forename', xmlText(name.given)) : undefined,
    particle ? x('nameLink', xmlText(particle)) : undefined,
    x('surname', xmlText(name.family)),
    name.suffix ? x('addName', xmlText(name.suffix)) : undefined
  ])
}

function names(role: 'author' | 'editor', values: CslName[] | undefined, editorRole?: string): Element[] {
  return (values ?? []).map((name) => x(role, {role: editorRole}, [persName(name)]))
}

/** CSL's numbered seasons. */
const seasons: Record<string, string> = {1: 'Spring', 2: 'Summer', 3: 'Autumn', 4: 'Winter'}

function iso(parts: Array<number | string> | undefined): string | undefined {
  if (!parts || parts.length === 0) return undefined
  const [year, month, day] = parts.map((part) => String(part))
  if (!year || !/^\d{4}$/.test(year)) return undefined
  const pad = (value: string) => value.padStart(2, '0')
  return isoWhen([year, month && pad(month), month && day && pad(day)].filter(Boolean).join('-'))
}

/** `<date>`: `@when` (or `@from`/`@to` for a range) when the date is known to the day, month or year. */
function date(value: CslDate | undefined): Element | undefined {
  if (!value) return undefined
  const parts = value['date-parts']
  const from = iso(parts?.[0])
  const to = iso(parts?.[1])
  const written = [value.season !== undefined ? (seasons[String(value.season)] ?? String(value.season)) : undefined, value.literal ?? value.raw ?? [from, to].filter(Boolean).join('/')]
    .filter(Boolean)
    .join(' ')
  if (!written) return undefined
  const attributes = to && from ? {from, to} : {when: from}
  return x('date', {...attributes, cert: value.circa ? 'medium' : undefined}, xmlText(written))
}

function idnos(item: CslItem): Element[] {
  return [
    item.DOI ? x('idno', {type: 'DOI'}, xmlText(item.DOI)) : undefined,
    item.ISBN ? x('idno', {type: 'ISBN'}, xmlText(item.ISBN)) : undefined,
    item.ISSN ? x('idno', {type: 'ISSN'}, xmlText(item.ISSN)) : undefined,
    item.URL ? x('idno', {type: 'URI'}, xmlText(item.URL)) : undefined
  ].filter((element): element is Element => element !== undefined)
}

function scopes(item: CslItem): Element[] {
  const scope = (unit: string, value: string | undefined): Element | undefined => {
    if (!value) return undefined
    const range = rangeOf(value)
    return x('biblScope', {unit, from: range?.from, to: range?.to}, xmlText(value))
  }
  return [scope('volume', item.volume), scope('issue', item.issue), scope('page', item.page)].filter((element): element is Element => element !== undefined)
}

/** Notes of an entry: genre, status, note, sender and recipient, the translated title, the edition document it is. */
function notes(item: CslItem): Element[] {
  const custom = item.custom ?? {}
  const recipients = item.recipient?.map((name) => name.literal ?? [name.given, name.family].filter(Boolean).join(' ')).join(', ')
  const entries: Array<[type: string, value: unknown]> = [
    ['genre', item.genre],
    ['status', item.status],
    ['sender', custom.sender],
    ['recipient', recipients],
    ['titleTranslation', custom.titleTranslation],
    ['containerTitleTranslation', custom.containerTitleTranslation],
    ['translatedIn', custom.translatedIn],
    ['event', [item['event-title'], item['event-place']].filter(Boolean).join(', ') || undefined],
    ['note', item.note],
    ['unparsed', custom.unparsed ? 'The citation could not be parsed; its words are the title.' : undefined]
  ]
  const out = entries.flatMap(([type, value]) => (typeof value === 'string' && value ? [x('note', {type}, xmlText(value))] : []))
  if (typeof custom.editionDocument === 'string') {
    out.push(x('note', {type: 'editionDocument'}, [x('ref', {target: `${custom.editionDocument}.xml`}, xmlText(custom.editionDocument))]))
  }
  return out
}

/** A published work as `<biblStruct>`. */
function biblStruct(item: CslItem): Element {
  const level = partOf[item.type]
  const title = item.title ?? displayTitle(item)
  const titleElement = (titleLevel: string, value: string | undefined, type?: string) => x('title', {level: titleLevel, type}, value === undefined ? [] : xmlText(value))
  const imprint = x('imprint', [
    item['publisher-place'] ? x('pubPlace', xmlText(item['publisher-place'])) : undefined,
    item.publisher ? x('publisher', xmlText(item.publisher)) : undefined,
    date(item.issued) ?? (item['publisher-place'] || item.publisher ? undefined : x('date'))
  ])
  const series = item['collection-title'] || (item.type === 'report' && item['container-title'])
    ? x('series', [titleElement('s', item['collection-title'] ?? item['container-title']), item['collection-number'] || item.number ? x('biblScope', {unit: 'number'}, xmlText(item['collection-number'] ?? item.number ?? '')) : undefined])
    : undefined
  const analytic = level
    ? x('analytic', [...names('author', item.author), ...names('editor', item.translator, 'translator'), titleElement('a', title, item.title ? undefined : 'desc')])
    : undefined
  const monogr = x('monogr', [
    ...(level ? names('author', item['container-author']) : [...names('author', item.author), ...names('editor', item.translator, 'translator')]),
    ...(level ? [titleElement(level, item['container-title'])] : [titleElement('m', title, item.title ? undefined : 'desc')]),
    ...idnos(item),
    ...names('editor', item.editor),
    item.edition ? x('edition', xmlText(item.edition)) : undefined,
    imprint,
    ...scopes(item)
  ])
  return x('biblStruct', {'xml:id': xmlId(item.id, 'bibl'), type: item.type, 'xml:lang': languageTag(item.language)}, [analytic, monogr, series, ...notes(item)])
}

/** An archival item as `<bibl>` with its `<msIdentifier>`. */
function archivalBibl(item: CslItem): Element {
  const archival = item.custom?.archival ?? {}
  const repository = item.archive ?? archival.archive
  const levels = archivalLevels.flatMap((level) => (archival[level] ? [x('idno', {type: level}, xmlText(archival[level]))] : []))
  // The place in the archive as written, when its levels are not known one by one.
  const location = levels.length === 0 && item['archive_location'] ? [x('idno', {type: 'location'}, xmlText(item['archive_location']))] : []
  const sd = archival.sdCode ? [x('idno', {type: 'SD'}, xmlText(archival.sdCode))] : []
  const identifier = x('msIdentifier', [
    item['archive-place'] ? x('settlement', xmlText(item['archive-place'])) : undefined,
    repository ? x('repository', xmlText(repository)) : undefined,
    item['archive_collection'] ? x('collection', xmlText(item['archive_collection'])) : undefined,
    ...levels,
    ...location,
    ...sd
  ])
  const title = item.title ?? displayTitle(item)
  const children: Array<ElementContent | undefined> = [
    ...names('author', item.author),
    title ? x('title', {type: item.title ? undefined : 'desc'}, xmlText(title)) : undefined,
    date(item.issued),
    identifier.children.length > 0 ? identifier : undefined,
    ...notes(item)
  ]
  return x('bibl', {'xml:id': xmlId(item.id, 'bibl'), type: 'archival', subtype: item.type, 'xml:lang': languageTag(item.language)}, children)
}

/** The TEI P5 bibliography of the edition's items, in the order given. */
export function toTeiBibliography(items: readonly CslItem[], edition?: EditionConfig): string {
  const title = edition ? `Bibliography: ${edition.title}` : 'Bibliography'
  const editors = edition?.editors ?? []
  const when = isoWhen(edition?.date)
  const header = x('teiHeader', [
    x('fileDesc', [
      x('titleStmt', [x('title', xmlText(title)), ...editors.map((name) => x('editor', xmlText(name)))]),
      x('publicationStmt', [x('authority', editors.length > 0 ? xmlText(editors.join(', ')) : 'Apparatus'), when ? x('date', {when}, when) : undefined]),
      x('sourceDesc', [x('p', 'Every work and archival item the documents of the edition cite, merged across documents.')])
    ])
  ])
  const entries = items.map((item) => (isArchivalItem(item) ? archivalBibl(item) : biblStruct(item)))
  const listBibl = x('listBibl', [x('head', xmlText(title)), ...(entries.length > 0 ? entries : [x('bibl')])])
  return teiDocument(x('TEI', {xmlns: teiNamespace, 'xml:lang': languageTag(edition?.language)}, [header, x('text', [x('body', [listBibl])])]), ['bibl'])
}
