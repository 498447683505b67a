/**
 * The citations stage: find the citations in every note, parse each into a CSL-JSON draft
 * with its locator, resolve Ibid. and short forms, and mark each citation in the tree with a
 * `cite` directive (`ref="<note>.<index>"` until the bibliography gives keys).
 */
import type {FootnoteDefinition, Paragraph, Root} from 'mdast'
import type {TextDirective} from 'mdast-util-directive'
import type {Position} from 'unist'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {report} from './rules.js'
import {stringifyPhrasing} from '../markdown/index.js'
import type {ParsedCitation} from '../shared/types/citation.js'
import type {CslItemDraft} from '../shared/types/csl.js'
import type {CitationOverride, DocumentMeta} from '../shared/types/document.js'
import {findDate, yearInText} from './dates.js'
import {classicalDivisions, scholasticLocator, sectionLocator} from './divisions.js'
import {trailingLocator} from './locator.js'
import {leadingGenre} from './genres.js'
import {noteText, plainText, spanWrapper, type SpanWrapper} from './note-text.js'
import {applyCitationOverrides} from './overrides.js'
import {type ArchivalContext, hasArchivalLocation, hasFondLocation, parseArchival, suspiciousFond} from './parse-archival.js'
import {editorsBeforeCue, parseAuthorPointer, parsePublished, type PublishedParse} from './parse-published.js'
import {type LetterParse, letterStart, parseLetter, parseSeriesShortForm} from './letters.js'
import {type Candidate, resolveCitations} from './resolve.js'
import {reportCues, serviceNumber} from './serials.js'
import {citationStart, noteSentences, possessiveWork, proseReference, splitNote} from './split.js'
import {directive, isTextDirective} from '../shared/annotations.js'
import {parseEntry, parseReferences} from './model/index.js'
import {parseMemoir} from './oral-history.js'
import {type CrossReference, crossReferencesIn, withoutMarkers} from './cross-references.js'
import {joinLegalSpans, legalCitation} from './legal.js'
import {pointsBack} from './pointers.js'
import {isTitleQuote, withRangeDashes} from './text.js'
import {bodyParagraphs, findAuthorDates, findAuthorPages, findNumberedCitations, type Holder, isShortCitation, nameKey, readShortForm, ReferenceIndex, referenceEntries} from './references.js'

export {parseArchival} from './parse-archival.js'
export {parsePublished} from './parse-published.js'
export {splitNote} from './split.js'
export {archives} from './archives.js'

/** One citation found, before resolution. */
interface Found extends Candidate {
  definition: Holder
  start: number
  end: number
}

/** A citation found in a stretch of a note, its offsets in that stretch. */
interface Local {
  citation: Omit<ParsedCitation, 'note' | 'index' | 'text'>
  start: number
  end: number
  incomplete: boolean
  opCit: boolean
}

const publicationFacts = /\([^()]*:\s*[^()]*,\s*(?:\d{4}|forthcoming)\s*\)|\((?:Ph\.?\s?D\.?\s*)?(?:[Dd]issertation|diss\.|[Tt]hesis)/

/** `Stone (Berlin) to Foreign Office (London), May 4, 1915`: a dispatch named by its correspondents and their places. */
const correspondence = /^\p{Lu}[^,;()“"]{1,60}\s\([^()]{2,40}\)\s+to\s+\p{Lu}[^,;()“"]{1,60}\s\([^()]{2,40}\)[,\s]/u

/** Does this span read as a citation rather than commentary? */
export function isCitationLike(text: string): boolean {
  if (pointsBack.test(text)) return true
  if (correspondence.test(text) && findDate(text)) return true
  if (publicationFacts.test(text) || possessiveWork.test(text)) return true
  if (/^(?:an?\s+|author['’]s\s+)?(?:unpublished\s+)?interview\b/i.test(text) && findDate(text)) return true
  const start = citationStart(text)
  if (start === undefined) return false
  if ((serviceNumber.test(text) || reportCues.test(text)) && start === 'strong') return true
  const words = text.split(/\s+/).length
  if (words <= 60 && /\b(?:Vol|No|Nos)\.\s*\d|\bBulletin\b|\bpp?\.\s*\d|\b[Cc]hapters?\s+\d/.test(text)) return true
  if (start !== 'strong') return false
  if (words <= 60 && hasTitleMark(text.slice(0, 200))) return true
  const genre = leadingGenre(text)
  if (genre && findDate(text) && words <= 60) return true
  // A short form: names, a title, a locator (`Merrill, Korea, Chapter 5`).
  return words <= 25 && /,/.test(text) && (trailingLocator(text) !== undefined || /:\s/.test(text))
}

/** An emphasized title, or a quotation standing where a title stands. */
function hasTitleMark(text: string): boolean {
  if (text.includes('*')) return true
  for (const match of text.matchAll(/[“"]/g)) if (isTitleQuote(text, match.index)) return true
  return false
}

/** A document named by its kind and dated, nothing else (`Vermerk vom 3. Mai 1950`, `memorandum, 2 June 1948`): no title, no number but the date's. */
function documentAfterLocation(printed: string): boolean {
  const text = printed.trim().replace(/[.,;]+$/, '')
  const genre = leadingGenre(text)
  const date = findDate(text)
  if (!genre || genre.end > 30 || !date || hasTitleMark(text) || text.split(/\s+/).length > 12) return false
  return !/\d/.test(text.slice(0, date.start) + text.slice(date.end))
}

/** Parse one span; undefined when it is commentary. */
function parseSpan(text: string, context: ArchivalContext): {citation: Omit<ParsedCitation, 'note' | 'index' | 'text'>; end: number; incomplete: boolean; opCit: boolean} | undefined {
  if (hasArchivalLocation(text, context)) {
    const parsed = parseArchival(text, context)
    if (parsed) {
      const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {
        item: parsed.item,
        ibid: parsed.ibid,
        shortForm: false,
        archival: parsed.archival
      }
      if (parsed.locator) {
        citation.locator = parsed.locator
        citation.label = 'folio'
      }
      return {citation, end: parsed.end, incomplete: false, opCit: false}
    }
  }
  const memoir = parseMemoir(text)
  if (memoir) {
    const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {item: memoir.item, ibid: false, shortForm: false}
    if (memoir.locator) {
      citation.locator = memoir.locator
      citation.label = 'page'
    }
    return {citation, end: text.length, incomplete: false, opCit: false}
  }
  const legal = legalCitation(text)
  if (legal) return legal
  // A letter printed in a collection is read before the genre's archival reading; its short form after.
  const letter = parseLetter(text) ?? parseSeriesShortForm(text)
  if (letter && !letter.incomplete) return letterSpan(letter, text)
  if (!isCitationLike(text) && !letter) return undefined
  const described = datedDocument(text, context)
  if (described) return described
  if (letter) return letterSpan(letter, text)
  const published = parsePublished(text)
  if (!published) {
    return {
      citation: {item: {type: 'document', title: text, custom: {unparsed: true, literal: text}}, ibid: false, shortForm: false, unparsed: true},
      end: text.length,
      incomplete: false,
      opCit: false
    }
  }
  return {citation: publishedCitation(published), end: text.length, incomplete: published.incomplete, opCit: published.opCit}
}

/**
 * A document named by its kind (or its correspondents) and dated, with no title in quotes or
 * emphasis, no publication facts and no page (`Memorandum, 2 June 1948`, `Schreiben vom 3. Mai
 * 1950`): read as an archival document described without its location.
 */
function datedDocument(text: string, context: ArchivalContext): ReturnType<typeof parseSpan> {
  const genre = leadingGenre(text)
  if (!((genre && genre.end < 60) || correspondence.test(text)) || publicationFacts.test(text) || !findDate(text) || hasTitleMark(text) || /\bpp?\.\s*\d/.test(text)) return undefined
  const parsed = parseArchival(text, context, true)
  return parsed ? {citation: {item: parsed.item, ibid: false, shortForm: false, archival: parsed.archival}, end: text.length, incomplete: false, opCit: false} : undefined
}

/**
 * `Schreiben des Landrats an den Bürgermeister vom 3. Mai 1950`, `Telegram to the Board, 7 June
 * 1921`: a short dated document the labeller found, not printed in a collection (`in:`) nor
 * cited by page.
 */
function describedDocument(printed: string, context: ArchivalContext): ReturnType<typeof parseSpan> {
  const text = printed.trim()
  if (text.split(/\s+/).length > 25 || /\bin:?\s/i.test(text) || /\b(?:pp?|S|s)\.\s*\d/.test(text)) return undefined
  return datedDocument(text, context)
}

/** A letter's citation: a short form is incomplete, resolved to its full citation. */
function letterSpan(letter: LetterParse, text: string): NonNullable<ReturnType<typeof parseSpan>> {
  const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {item: letter.item, ibid: false, shortForm: false}
  if (letter.locator) {
    citation.locator = letter.locator
    citation.label = letter.label ?? 'page'
  }
  return {citation, end: text.length, incomplete: letter.incomplete, opCit: false}
}

/**
 * Do the document's notes cite in the Chicago notes style the rules were written for? Evidence:
 * publication facts in parentheses (`(Place: Publisher, 1993)`) or archival locations in fonds
 * in at least a tenth of its notes. Other documents are read by the trained labeller (which
 * reads archival citations by the same grammar).
 */
function citesChicagoNotes(texts: readonly string[]): boolean {
  if (texts.length === 0) return false
  const context: ArchivalContext = {aliases: new Map()}
  let evidence = 0
  for (const text of texts) if (publicationFacts.test(text) || hasFondLocation(text, context)) evidence++
  return evidence >= Math.max(1, texts.length / 10)
}

/** A note label ingest makes: a number (or a range of them, `1–2`), a letter or a symbol's name, with the number of its chapter or page run. */
const ingestLabel = /^(?:\d+(?:–\d+)?|[A-Za-z]|star\d?|dagger\d?|ddagger\d?|section\d?|parallel|pilcrow)(?:-\d+)*$/

/** A year or a page: a note that should give a citation. */
const citationEvidence = new RegExp(String.raw`${yearInText.source}|\b(?:pp?|S)\.\s*\d`)

/** What in a note looks like a citation: a year, a page, a title in quotes or emphasis. */
function evidenceOf(text: string): string | undefined {
  const year = yearInText.exec(text)
  if (year) return `the year ${year[0]}`
  const page = /\b(?:pp?|S)\.\s*\d+/.exec(text)
  if (page) return `the page \`${page[0]}\``
  // A title: two or more words, capitalized, in quotation marks or emphasis.
  const title = /(?:[„“"«]|\*)(\p{Lu}[^„“”"«»*]*?\s[^„“”"«»*]+?)(?:[“”"»]|\*)/u.exec(text)
  if (title) return `the title-like phrase \`${(title[1] ?? '').slice(0, 60)}\``
  return undefined
}

/** Longest part of a note (between semicolons) searched for an archival location the labeller missed. */
const maxArchivalPart = 400

/** The references the labeller finds in a note, parsed; archival ones by the archival grammar. */
function modelSpans(text: string, context: ArchivalContext): Array<{start: number; end: number; parsed: NonNullable<ReturnType<typeof parseSpan>>}> {
  const out: Array<{start: number; end: number; parsed: NonNullable<ReturnType<typeof parseSpan>>}> = []
  // A note that is one document named by its kind and date, which the labeller may cut.
  const whole = describedDocument(text, context)
  const lead = text.length - text.trimStart().length
  if (whole && !text.includes(';') && !parseLetter(text.trim())) return [{start: lead, end: lead + whole.end, parsed: whole}]
  const references = parseReferences(text)
  // The note's sentences, read once when the first reference is weighed as prose.
  let sentencesOfNote: ReturnType<typeof noteSentences> | undefined
  for (let position = 0; position < references.length; position++) {
    const reference = references[position] as (typeof references)[number]
    const raw = reference.text
    // A letter printed in a collection, or its short form: its description may stand before the reference the labeller found.
    const widened = letterStart(text, reference.start)
    const start = widened ?? reference.start
    const printed = text.slice(start, reference.end)
    const letter = parseLetter(printed)
    if (letter) {
      while ((out.at(-1)?.end ?? 0) > start) out.pop()
      out.push({start, end: reference.end, parsed: letterSpan(letter, printed)})
      continue
    }
    const described = describedDocument(raw, context)
    if (described) {
      out.push({start: reference.start, end: reference.start + described.end, parsed: described})
      continue
    }
    if (hasArchivalLocation(raw, context)) {
      // `Bundesarchiv, B 136/1234, Bl. 12–15, Vermerk vom 3. Mai 1950`: the document after its location is no reference of its own.
      const next = references[position + 1]
      // Only a comma between them, at the end of the first or after it.
      const gap = next ? `${raw.trimEnd().endsWith(',') ? ',' : ''}${text.slice(reference.end, next.start)}` : ''
      const joined = next && /^[\s,]*,[\s,]*$/.test(gap) && documentAfterLocation(next.text) ? parseSpan(text.slice(reference.start, next.end), context) : undefined
      if (next && joined?.citation.archival?.description) {
        out.push({start: reference.start, end: reference.start + joined.end, parsed: joined})
        position++
        continue
      }
      const parsed = parseSpan(raw, context)
      if (parsed?.citation.archival) {
        out.push({start: reference.start, end: reference.start + parsed.end, parsed})
        continue
      }
    }
    // A sentence of the note's commentary is no reference; the note is reported if it cites nothing.
    if (proseReference(text, reference.start, reference.end, (sentencesOfNote ??= noteSentences(text)))) continue
    const model = reference.parse
    // `Gorini, cit., p. 60`: a name and a pointer back, which the labeller may read as a title.
    const pointer = model.ibid ? undefined : parseAuthorPointer(raw)
    if (pointer) {
      out.push({start: reference.start, end: reference.end, parsed: {citation: publishedCitation(pointer), end: reference.end - reference.start, incomplete: true, opCit: true}})
      continue
    }
    editorsBeforeCue(model.item, raw)
    const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {item: model.item, ibid: model.ibid, shortForm: false}
    // A reference whose fields could not be read (no name, title, container or address): its
    // printed text is kept as a literal entry, with whatever date or page was read.
    const {item} = model
    if (!model.ibid && !model.sameAuthors && !item.author && !item.editor && !item.title && !item['container-title'] && !item.URL && !item.DOI) {
      item.custom = {...item.custom, unparsed: true, literal: raw.trim()}
      citation.unparsed = true
      model.incomplete = false
    }
    if (model.locator) {
      citation.locator = model.locator
      citation.label = model.label ?? 'page'
    }
    out.push({start: reference.start, end: reference.end, parsed: {citation, end: reference.end - reference.start, incomplete: model.incomplete, opCit: /\bop\.\s*cit\b/.test(raw)}})
  }
  // An archival location the labeller found no reference in (`TNA, FO 371/1234, f. 23.`) is read
  // by the archival grammar, as in a document of Chicago notes; a part longer than any citation
  // is prose, and is not searched.
  const before = out.length
  for (const part of topLevelParts(text)) {
    if (part.end - part.start > maxArchivalPart || out.some((span) => span.start < part.end && span.end > part.start)) continue
    const raw = text.slice(part.start, part.end)
    if (!hasArchivalLocation(raw, context)) continue
    const parsed = parseSpan(raw, context)
    if (parsed?.citation.archival) out.push({start: part.start, end: part.start + parsed.end, parsed})
  }
  if (out.length > before) out.sort((a, b) => a.start - b.start)
  return out
}

/** The citation a published work's parse gives: its item, whether it is an ibid, its locator. */
function publishedCitation(published: PublishedParse): Omit<ParsedCitation, 'note' | 'index' | 'text'> {
  const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {item: published.item, ibid: published.ibid, shortForm: false}
  if (published.locator) {
    citation.locator = published.locator
    citation.label = published.label ?? 'page'
  }
  return citation
}

/**
 * A classical reference is located by its book and chapter (`l. xliv. [c. 17,] p. 862` → `l. xliv,
 * c. 17`), the page of the edition kept beside them.
 */
function locateByDivisions(citation: ParsedCitation): void {
  const divisions = classicalDivisions(citation.text)
  if (!divisions) return
  const page = divisions.page ?? (citation.label === 'page' ? citation.locator : undefined)
  citation.locator = divisions.locator
  citation.label = divisions.label
  if (page) citation.page = page
  // `Mervius, B. iii.`: the book's cue read as a title is no title.
  if (citation.item.title && divisions.locator.startsWith(`${citation.item.title}.`)) delete citation.item.title
}

/**
 * Note numbers: the label when it is a number (the first of a note for a range of calls,
 * `1–2`), else the next number after the highest label.
 */
function noteNumbers(definitions: FootnoteDefinition[]): Map<FootnoteDefinition, number> {
  const out = new Map<FootnoteDefinition, number>()
  const used = new Set<number>()
  for (const definition of definitions) {
    const range = /^(\d+)–(\d+)$/.exec(definition.identifier)
    const number = Number(range ? range[1] : definition.identifier)
    if ((/^\d+$/.test(definition.identifier) || (range && Number(range[2]) > number)) && !used.has(number)) {
      out.set(definition, number)
      used.add(number)
    }
  }
  let next = Math.max(0, ...used)
  for (const definition of definitions) if (!out.has(definition)) out.set(definition, ++next)
  return out
}

/** A document described without a location (nor a collection code). */
function isBareDraft(citation: Omit<ParsedCitation, 'note' | 'index' | 'text'>): boolean {
  return citation.archival !== undefined && citation.archival.fond === undefined && citation.archival.sdCode === undefined && !citation.ibid
}

function placeOf(definition: Holder): Position | undefined {
  return definition.position
}

declare module 'vfile' {
  interface DataMap {
    /** The document's citations in order, set by `apparatusCitations`. */
    citations: ParsedCitation[]
  }
}

/**
 * The citations stage as a unified transformer: `extractCitations` on a document that ingest
 * gave metadata (`file.data.meta`), with its sidecar's overrides; the citations go to `file.data.citations`.
 */
export const apparatusCitations: Plugin<[], Root> = function () {
  return (tree, file) => {
    const meta = file.data.meta
    file.data.citations = meta ? extractCitations(tree, meta, file, file.data.sidecar?.overrides?.citations) : []
  }
}

/**
 * Find, parse and resolve the citations in the footnote definitions of `tree`, in order,
 * and wrap each in a `cite` directive. The sidecar's `overrides` apply before resolution.
 * Diagnostics go to `file`.
 */
export function extractCitations(tree: Root, meta: DocumentMeta, file: VFile, overrides?: readonly CitationOverride[]): ParsedCitation[] {
  const definitions: FootnoteDefinition[] = []
  // Notes are flow content: no paragraph or heading holds one.
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') definitions.push(node)
    if (node.type === 'paragraph' || node.type === 'heading') return 'skip'
  })
  const context: ArchivalContext = {aliases: new Map()}
  const found: Found[] = []
  // Short forms that name the note of their full citation, and that note.
  const crossNotes = new Map<ParsedCitation, number>()
  const numbers = noteNumbers(definitions)
  const chicago = citesChicagoNotes(definitions.map((definition) => noteText(definition).text))
  // The reference list's entries come first (note 0), then the body text's author-date citations.
  const references = new ReferenceIndex()
  const listed = referenceEntries(tree)
  if (listed.length > 0) {
    for (const entry of listed) {
      const {text: printed} = noteText(entry)
      const text = withRangeDashes(printed)
      const parsed = entryCitation(text, context)
      if (!parsed) continue
      const start = text.length - text.trimStart().length
      const end = text.trimEnd().length
      const anchor = `ref${references.size + 1}`
      const citation: ParsedCitation = {note: 0, index: found.length, text: printed.slice(start, end), ...parsed, place: 'references', anchor}
      references.add(citation, anchor, entry.number)
      found.push({citation, definition: entry, start, end, incomplete: false, opCit: false})
    }
    for (const paragraph of bodyParagraphs(tree)) citeBodyText(paragraph, references, found, file)
  }
  for (const definition of definitions) {
    const note = numbers.get(definition) ?? 0
    // The labels ingest gives notes numbered per chapter or page, or marked by a symbol or a letter
    // (`2-5`, `star`, `dagger-3`, `A`), are as meant; another label (`[^ship-list]`) is reported.
    if (String(note) !== definition.identifier && !ingestLabel.test(definition.identifier)) {
      report(file, 'citation-note-label', `Unexpected footnote label \`${definition.identifier}\` in ${meta.slug}, expected a note number; numbered ${note}`, placeOf(definition))
    }
    const {text: printed} = noteText(definition)
    const text = withRangeDashes(printed)
    context.archive = undefined
    const before = found.length
    const read = (value: string) => (references.size > 0 ? guidedCitations(value, chicago, context, references) : citationsIn(value, chicago, context))
    let locals = read(text)
    let crossed = new Map<Local, number>()
    // `Wehler, Gesellschaftsgeschichte (wie Anm. 1), S. 500`: the marker read apart, the short form
    // around it; kept when every marker has its short form and no citation is lost by it.
    const crossReferences = crossReferencesIn(text, note)
    if (crossReferences.length > 0) {
      const readable = withoutMarkers(text, crossReferences)
      const apart = read(readable)
      const apartCrossed = crossReferencedLocals(readable, crossReferences, apart)
      if (apartCrossed.size === crossReferences.length && apart.length >= locals.length) {
        locals = apart
        crossed = apartCrossed
      } else {
        crossed = crossReferencedLocals(text, crossReferences, locals, false)
      }
    }
    locals.forEach((local, index) => {
      const {label, locator} = local.citation
      const scholastic = label === 'section' && locator ? scholasticLocator(locator, text.slice(local.end)) : (label === 'book' || label === 'chapter') && locator ? sectionLocator(locator, text.slice(local.end)) : undefined
      if (scholastic) {
        local.citation.locator = scholastic.locator
        local.end += scholastic.length
      }
      const citation: ParsedCitation = {note, index, text: printed.slice(local.start, local.end).trim(), ...local.citation}
      if (!citation.archival) locateByDivisions(citation)
      found.push({citation, definition, start: local.start, end: local.end, incomplete: local.incomplete, opCit: local.opCit})
      const target = crossed.get(local)
      if (target !== undefined) crossNotes.set(citation, target)
    })
    if (references.size > 0) for (const entry of found.slice(before)) resolveAgainstList(entry, references, file)
    if (found.length === before) {
      const evidence = evidenceOf(printed)
      if (evidence) report(file, 'citation-not-found', `Unexpected note ${note} with ${evidence} and no citation in ${meta.slug}, expected a citation the parser could read`, placeOf(definition))
    }
  }

  if (overrides && overrides.length > 0) applyCitationOverrides(found, overrides, new Map(definitions.map((definition) => [numbers.get(definition) ?? 0, definition])), file)

  const definitionOf = new Map(found.map((entry) => [entry.citation, entry.definition]))
  resolveCrossReferences(found, crossNotes)
  for (const {citation, problem} of resolveCitations(found)) {
    const definition = definitionOf.get(citation)
    const place = definition ? placeOf(definition) : undefined
    const where = `note ${citation.note}`
    if (problem === 'ibid-unresolved') {
      report(file, 'citation-ibid-unresolved', `Unexpected Ibid. in ${where} with no citation before it, expected an earlier citation`, place)
    } else if (problem === 'ibid-ambiguous') {
      report(file, 'citation-ibid-ambiguous', `Unexpected Ibid. in ${where} after note ${citation.resolvesTo?.note}, which cites several works, expected a short citation of the work meant; read as the last of them`, place)
    } else if (problem === 'short-form-unresolved') {
      report(file, 'citation-short-form-unresolved', `Unexpected short form \`${citation.text}\` in ${where}, expected a full citation of the work`, place)
    } else {
      report(file, 'citation-short-form-forward', `Unexpected short form \`${citation.text}\` in ${where} before its full citation in note ${citation.resolvesTo?.note}`, place)
    }
  }

  const codeLengths = new Map<number, number>()
  for (const {citation} of found) {
    for (const code of citation.archival?.sdCode?.split(/\s*,\s*/) ?? []) codeLengths.set(code.length, (codeLengths.get(code.length) ?? 0) + 1)
  }
  const usual = [...codeLengths].sort((a, b) => b[1] - a[1])[0]?.[0]
  for (const {citation, definition} of found) {
    if (citation.unparsed) {
      report(file, 'citation-unparsed', `Unexpected citation \`${citation.text}\` in note ${citation.note}, expected author, title and publication facts or an archival location`, placeOf(definition))
    }
    if (citation.archival && suspiciousFond(citation.archival)) {
      report(file, 'citation-suspicious-fond', `Unexpected fond ${citation.archival.fond} in ${citation.archival.archive} (note ${citation.note}), expected a fond of that archive`, placeOf(definition))
    }
    for (const code of citation.archival?.sdCode?.split(/\s*,\s*/) ?? []) {
      if (usual !== undefined && code.length !== usual) {
        report(file, 'citation-suspicious-code', `Unexpected document code \`${code}\` in note ${citation.note}, expected ${usual - 2} digits like the others`, placeOf(definition))
      }
    }
  }

  wrapAll(found)
  return found.map((entry) => entry.citation)
}

/**
 * The citation each cross-reference belongs to: the one it stands in or right after. A note part
 * the parser found nothing in (`Kocka (wie Anm. 5), S. 20`), or a citation read across several
 * markers (`Brandt (wie Anm. 1), S. 4; Ohm (wie Anm. 2), S. 9`), gives a short form for each
 * part: the name (and short title) before the marker, the locator after it. Locals stay in text order.
 */
function crossReferencedLocals(text: string, references: readonly CrossReference[], locals: Local[], make = true): Map<Local, number> {
  const out = new Map<Local, number>()
  const holder = (reference: CrossReference) => locals.find((candidate) => candidate.start <= reference.start && reference.start <= candidate.end + 2)
  // The citations that hold more than one marker.
  const holders = references.map(holder)
  const shared = new Set(holders.filter((local, position) => local && holders.indexOf(local) !== position))
  if (make) {
    for (const local of shared) if (local) locals.splice(locals.indexOf(local), 1)
  }
  for (const reference of references) {
    let local = holder(reference)
    // A citation read across several markers names no one note.
    if (local && shared.has(local)) continue
    if (!local && make) {
      local = shortFormAround(text, reference)
      if (local) {
        locals.push(local)
        locals.sort((a, b) => a.start - b.start)
      }
    }
    if (local) out.set(local, reference.note)
  }
  return out
}

/** The short form in the `;`-part of a note around a cross-reference: a name, a short title, a locator. */
function shortFormAround(text: string, reference: CrossReference): Local | undefined {
  const partStart = text.lastIndexOf(';', reference.start - 1) + 1
  const semicolon = text.indexOf(';', reference.end)
  const partEnd = semicolon < 0 ? text.length : semicolon
  const before = text.slice(partStart, reference.start)
  const lead = shortLeadIn.exec(before)?.[0].length ?? 0
  const head = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)(?:,\s*([^,;]{2,80}?))?[\s,]*$/u.exec(before.slice(lead))
  if (!head?.[1]) return undefined
  const citation: Local['citation'] = {item: {type: 'book', author: [{family: head[1].split(/\s+/).at(-1) ?? head[1]}]}, ibid: false, shortForm: true}
  if (head[2]) citation.item.title = head[2].replace(/[*“”"]/g, '').trim()
  const part = text.slice(reference.end, partEnd)
  // The next sentence, glued on or not (`(wie Anm. 1)).Von da an …`), is prose, not the short form.
  const sentence = /(?<=[)\d])\.(?=\s*\p{Lu}\p{Ll})/u.exec(part)
  const after = (sentence ? part.slice(0, sentence.index) : part).replace(/[\s.]+$/, '')
  const locator = trailingLocator(after)
  if (locator) {
    citation.locator = locator.locator
    citation.label = locator.label
  }
  return {citation, start: partStart + lead, end: reference.end + after.length, incomplete: false, opCit: false}
}

/** Blanks and a lead-in before a short form (`vgl.`, `see`, `cf.`, `siehe`). */
const shortLeadIn = /^\s*(?:(?:vgl\.|Vgl\.|see|See|cf\.|Cf\.|siehe|Siehe)\s+)?/

/**
 * A short form that names its note resolves to that note's citation of the same author (or its
 * only citation); one that fits none is left to the usual resolution, which reports it.
 */
function resolveCrossReferences(found: readonly Found[], crossNotes: ReadonlyMap<ParsedCitation, number>): void {
  for (const [citation, note] of crossNotes) {
    const candidates = found.map((entry) => entry.citation).filter((other) => other.note === note && !other.place && !other.unparsed)
    const author = nameKey(citation.item.author?.[0]?.family ?? citation.item.author?.[0]?.literal)
    const named = author ? candidates.find((other) => [...(other.item.author ?? []), ...(other.item.editor ?? [])].some((name) => nameKey(name.family ?? name.literal) === author)) : undefined
    const target = named ?? (candidates.length === 1 ? candidates[0] : undefined)
    if (!target) continue
    citation.shortForm = true
    citation.ibid = false
    citation.resolvesTo = {note: target.note, index: target.index}
  }
}

/** The citations of a stretch of a note: the grammar's for Chicago notes, else (or when it finds none) the labeller's. */
function citationsIn(text: string, chicago: boolean, context: ArchivalContext): Local[] {
  const out: Local[] = []
  for (const split of chicago ? joinLegalSpans(text, splitNote(text)) : []) {
    // `Ann Lowe to Mark Hale, 3 July 1776, in *Papers*, …`: the letter's description the split cut off.
    const widened = letterStart(text, split.start)
    const span = widened === undefined ? split : {start: widened, end: split.end}
    while (widened !== undefined && (out.at(-1)?.end ?? 0) > widened) out.pop()
    const raw = text.slice(span.start, span.end)
    const parsed = parseSpan(raw, context)
    if (!parsed) continue
    // `Record of Conversation …, 16 December 1949. Archive of …, Fond 45, …`: one citation
    // printed as two sentences, the description and then the location.
    const previous = out.at(-1)
    if (previous && isBareDraft(previous.citation) && parsed.citation.archival?.fond !== undefined && !parsed.citation.archival.description && /^[\s.]*$/.test(text.slice(previous.end, span.start))) {
      const joined = parseSpan(text.slice(previous.start, span.end), context)
      if (joined?.citation.archival?.fond !== undefined) {
        previous.citation = joined.citation
        previous.end = previous.start + joined.end
        continue
      }
    }
    out.push({citation: parsed.citation, start: span.start, end: span.start + parsed.end, incomplete: parsed.incomplete, opCit: parsed.opCit})
  }
  // A note that is only a name or a short title and a pointer back (`Vgl. oben Anm. 3, S. 7`,
  // `Harrow, supra note 3, at 18`) is that short form, whatever the labeller reads in it.
  const whole = chicago ? undefined : parseAuthorPointer(text)
  if (whole) return [{citation: publishedCitation(whole), start: text.length - text.trimStart().length, end: text.trimEnd().length, incomplete: true, opCit: true}]
  // Other styles, and notes the rules found nothing in although they cite: the labeller.
  if (!chicago || (out.length === 0 && citationEvidence.test(text))) {
    for (const {start, end, parsed} of modelSpans(text, context)) out.push({citation: parsed.citation, start, end, incomplete: parsed.incomplete, opCit: parsed.opCit})
  }
  // `Tullius, loc. cit.`: a note that is only a name and a pointer back, with no locator for the labeller to find.
  const pointer = out.length === 0 ? pointerInNote(text) : undefined
  if (pointer) out.push({citation: publishedCitation(pointer.parse), start: pointer.start, end: pointer.end, incomplete: true, opCit: true})
  return out
}

/** Sentences of a note: breaks after a stop and before a capital letter (`z. B. Ebner` breaks too). */
const sentenceBreak = /(?<=[.!?])\s+(?=[\p{Lu}(\[])/gu

/**
 * A name (or a short title) and a pointer to the note that cited the work, as the whole note, or
 * as the end of a sentence of prose (`Eine Übersicht bietet etwa Ebner, Fußnote 2, S. 31.`, `The
 * lock-keeper’s petition [quoted in:] Marsh, supra note 1, p. 7.`, `See the Report on Canal Tolls, supra note 2. …`):
 * the first such reading, from the earliest word it can start at.
 */
function pointerInNote(text: string): {parse: PublishedParse; start: number; end: number} | undefined {
  const whole = parseAuthorPointer(text)
  if (whole) return {parse: whole, start: text.length - text.trimStart().length, end: text.trimEnd().length}
  if (!/\b(?:supra|above|oben|notes?|nn?\.|fn\.|Fn\.|Fußnote|Anm\.)/.test(text)) return undefined
  let from = 0
  const breaks = [...text.matchAll(sentenceBreak)].map((match) => match.index)
  for (const to of [...breaks, text.length]) {
    const sentence = text.slice(from, to)
    for (const word of sentence.matchAll(/(?:^|[\s\]])(?=[\p{Lu}])/gu)) {
      const at = word.index + word[0].length
      const parse = parseAuthorPointer(sentence.slice(at))
      if (parse) return {parse, start: from + at, end: from + sentence.trimEnd().length}
    }
    from = to
  }
  return undefined
}

/**
 * A note of a document with a reference list: each `;`-separated part that reads as one
 * short citation of an entry (`Lee, *Employment*, 12`; `Goffman 1974, 97`) is a citation of
 * its own; the other parts are read as usual. A note with no such part is read whole.
 */
function guidedCitations(text: string, chicago: boolean, context: ArchivalContext, references: ReferenceIndex): Local[] {
  const parts = topLevelParts(text)
  const matched = parts.map((part): Local | undefined => {
    const raw = text.slice(part.start, part.end)
    const short = readShortForm(raw)
    if (short) {
      const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {item: short.item, ibid: false, shortForm: false}
      if (short.locator) {
        citation.locator = short.locator
        citation.label = /^ch/i.test(short.locator) ? 'chapter' : 'page'
      }
      const match = references.match({...citation, note: 0, index: 0, text: raw.slice(short.start, short.end)})
      if (match && 'entry' in match) return {citation, start: part.start + short.start, end: part.start + short.end, incomplete: false, opCit: false}
    }
    const [only, ...rest] = parseReferences(raw)
    if (!only || rest.length > 0 || only.parse.ibid) return undefined
    const item = only.parse.item
    if (!isShortCitation(item)) return undefined
    const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {item, ibid: false, shortForm: false}
    if (only.parse.locator) {
      citation.locator = only.parse.locator
      citation.label = only.parse.label ?? 'page'
    }
    const match = references.match({...citation, note: 0, index: 0, text: only.text})
    if (!match || !('entry' in match)) return undefined
    return {citation, start: part.start + only.start, end: part.start + only.end, incomplete: false, opCit: false}
  })
  if (!matched.some(Boolean)) return citationsIn(text, chicago, context)
  const out: Local[] = []
  parts.forEach((part, position) => {
    const local = matched[position]
    if (local) {
      out.push(local)
      return
    }
    const raw = text.slice(part.start, part.end)
    const others = citationsIn(raw, chicago, context)
    for (const other of others) out.push({...other, start: other.start + part.start, end: other.end + part.start})
    // A short form of a work the list does not hold: kept, and reported as unresolved.
    const short = others.length === 0 ? readShortForm(raw) : undefined
    if (short) {
      const citation: Omit<ParsedCitation, 'note' | 'index' | 'text'> = {item: short.item, ibid: false, shortForm: false}
      if (short.locator) {
        citation.locator = short.locator
        citation.label = 'page'
      }
      out.push({citation, start: part.start + short.start, end: part.start + short.end, incomplete: true, opCit: false})
    }
  })
  return out
}

/** The parts of a note between semicolons outside quotations and brackets. */
function topLevelParts(text: string): Array<{start: number; end: number}> {
  const out: Array<{start: number; end: number}> = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index)
    if (character === '(' || character === '[') depth++
    else if ((character === ')' || character === ']') && depth > 0) depth--
    else if (character === '“') quoted = true
    else if (character === '”') quoted = false
    else if (character === ';' && depth === 0 && !quoted) {
      out.push({start, end: index})
      start = index + 1
    }
  }
  out.push({start, end: text.length})
  return out.filter((part) => text.slice(part.start, part.end).trim() !== '')
}

/** A reference-list entry parsed: archival entries by the archival grammar, others by the labeller. */
function entryCitation(text: string, context: ArchivalContext): Omit<ParsedCitation, 'note' | 'index' | 'text'> | undefined {
  if (text.trim() === '') return undefined
  // A reference list sets an archival entry's parts as sentences (`Town Archives. Mill Leases,
  // 1750–1850. Box 4, folder 12.`): read them as a note's clauses, each offset kept.
  for (const form of [text, sentencesAsClauses(text)]) {
    if (!hasArchivalLocation(form, context)) continue
    const parsed = parseArchival(form, context)
    if (parsed) return {item: parsed.item, ibid: false, shortForm: false, archival: parsed.archival}
  }
  const first = parseEntry(text)
  const item = first?.parse.item
  if (!item || (!item.author && !item.editor && !item.title && !item['container-title'])) {
    return {item: {type: 'document', title: text.trim(), custom: {unparsed: true, literal: text.trim()}}, ibid: false, shortForm: false, unparsed: true}
  }
  // An entry cites a work, not a place in it: a page range is the article's.
  if (first.parse.locator && !item.page && /^(?:article|chapter|paper-conference)/.test(item.type ?? '')) item.page = first.parse.locator
  return {item, ibid: false, shortForm: false}
}

/** A full stop after a word of three letters or more, or a number, and before a capital, as a comma. */
function sentencesAsClauses(text: string): string {
  return text.replace(/(?<=\p{Ll}{3}|\d)\.(?=\s+\p{Lu})/gu, ',')
}

/** A note's citation that stands for an entry of the reference list resolves to it. */
function resolveAgainstList(found: Found, references: ReferenceIndex, file: VFile): void {
  const {citation} = found
  if (citation.ibid || citation.unparsed || citation.archival || !isShortCitation(citation.item)) return
  const match = references.match(citation)
  const where = `note ${citation.note}`
  if (match && 'entry' in match) {
    citation.shortForm = true
    citation.resolvesTo = match.entry
    citation.anchor = match.anchor
    found.incomplete = false
  } else if (match) {
    report(file, 'citation-reference-ambiguous', `Unexpected citation \`${citation.text}\` in ${where} that fits ${match.ambiguous} entries of the reference list, expected one`, found.definition.position)
  } else if (!citation.item.title && citation.item.issued) {
    report(file, 'citation-reference-unmatched', `Unexpected author-date citation \`${citation.text}\` in ${where} with no entry of that author and year in the reference list, expected one`, found.definition.position)
  }
}

/** The author-date citations of a body paragraph that fit one entry, as citations; the others are reported. */
function citeBodyText(paragraph: Holder, references: ReferenceIndex, found: Found[], file: VFile): void {
  const {text} = noteText(paragraph)
  // Vancouver: `[1,2]`, `[2-4]` cite the numbered entries.
  if (references.isNumbered) {
    for (const cited of findNumberedCitations(text)) {
      const match = references.byNumber(cited.number)
      if (!match || !('entry' in match)) continue
      const citation: ParsedCitation = {note: 0, index: found.length, text: String(cited.number), item: {type: 'document'}, ibid: false, shortForm: true, resolvesTo: match.entry, place: 'text', anchor: match.anchor}
      found.push({citation, definition: paragraph, start: cited.start, end: cited.end, incomplete: false, opCit: false})
    }
  }
  for (const cited of findAuthorDates(text, (family) => references.knows(family))) {
    const printed = text.slice(cited.start, cited.end)
    const match = references.byYear(cited.names, cited.year, printed)
    if (!match) {
      if (references.knows(cited.names[0] ?? '')) report(file, 'citation-reference-unmatched', `Unexpected author-date citation \`${printed}\` with no entry of that author and year in the reference list, expected one`, paragraph.position)
      continue
    }
    if (!('entry' in match)) {
      report(file, 'citation-reference-ambiguous', `Unexpected citation \`${printed}\` that fits ${match.ambiguous} entries of the reference list, expected one`, paragraph.position)
      continue
    }
    const citation: ParsedCitation = {
      note: 0,
      index: found.length,
      text: printed,
      item: {type: 'document', author: cited.names.map((family) => ({family})), issued: {'date-parts': [[Number(cited.year.slice(0, 4))]]}},
      ibid: false,
      shortForm: true,
      resolvesTo: match.entry,
      place: 'text',
      anchor: match.anchor
    }
    if (cited.locator) {
      citation.locator = cited.locator
      citation.label = cited.label ?? 'page'
    }
    found.push({citation, definition: paragraph, start: cited.start, end: cited.end, incomplete: false, opCit: false})
  }
  // MLA: `(Verbeek 240)`, `(Harrow, *Quiet Harbour* 12)`, `(*Quiet Harbour* 30)`: an author or a short title and a page, when the list holds one work of that author (or of that title).
  const dated = findAuthorDates(text)
  for (const cited of findAuthorPages(text)) {
    if (dated.some((entry) => entry.start < cited.end && cited.start < entry.end)) continue
    const match = references.byAuthor(cited.names.slice(0, 2), cited.title)
    const printed = text.slice(cited.start, cited.end)
    if (!match) continue
    if (!('entry' in match)) {
      report(file, 'citation-reference-ambiguous', `Unexpected citation \`${printed}\` that fits ${match.ambiguous} entries of the reference list, expected one`, paragraph.position)
      continue
    }
    const item: CslItemDraft = {type: 'document'}
    if (cited.names.length > 0) item.author = cited.names.map((family) => ({family}))
    if (cited.title) item.title = cited.title
    const citation: ParsedCitation = {note: 0, index: found.length, text: printed, item, ibid: false, shortForm: true, resolvesTo: match.entry, place: 'text', anchor: match.anchor, locator: cited.locator, label: 'page'}
    found.push({citation, definition: paragraph, start: cited.start, end: cited.end, incomplete: false, opCit: false})
  }
}

/** Wrap every citation span in its note, last first so earlier offsets stay valid. */
function wrapAll(found: Found[]): void {
  const byDefinition = new Map<Holder, Found[]>()
  for (const entry of found) {
    const list = byDefinition.get(entry.definition) ?? []
    list.push(entry)
    byDefinition.set(entry.definition, list)
  }
  const printed: Array<{citation: ParsedCitation; pieces: TextDirective[]}> = []
  // Each paragraph's spans are wrapped last first by one wrapper (linear in the spans).
  const wrappers = new Map<Paragraph, SpanWrapper>()
  const wrapperOf = (paragraph: Paragraph): SpanWrapper => {
    let wrapper = wrappers.get(paragraph)
    if (!wrapper) wrappers.set(paragraph, (wrapper = spanWrapper(paragraph)))
    return wrapper
  }
  for (const [definition, entries] of byDefinition) {
    const {text, blocks} = noteText(definition)
    for (const entry of [...entries].reverse()) {
      const {citation} = entry
      snapToWords(text, entry)
      const attributes: Record<string, string> = {ref: `${citation.note}.${citation.index}`}
      if (citation.locator) attributes['locator'] = citation.locator
      if (citation.label) attributes['label'] = citation.label
      if (citation.page) attributes['page'] = citation.page
      const pieces: TextDirective[] = []
      for (const block of [...blocks].reverse()) {
        const start = Math.max(entry.start, block.start)
        const end = Math.min(entry.end, block.end)
        if (start >= end) continue
        pieces.unshift(wrapperOf(block.paragraph).wrap(start - block.start, end - block.start, attributes))
      }
      const first = pieces[0]
      if (first && citation.override) {
        first.attributes = {...attributes, override: citation.override.fields.join(' '), reason: citation.override.reason}
      }
      printed.push({citation, pieces})
    }
  }
  for (const wrapper of wrappers.values()) wrapper.finish()
  // A cite's children do not change once it is made: all are written in one pass.
  const texts = stringifyPhrasing(printed.flatMap(({pieces}) => pieces.map((cite) => cite.children)))
  let next = 0
  for (const {citation, pieces} of printed) {
    const text = texts.slice(next, (next += pieces.length)).join(' ')
    if (text) citation.text = text
    const visible = pieces.map((cite) => plainText(cite.children).replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ')
    if (visible) citation.printed = visible
  }
}

const wordCharacter = /[\p{L}\p{N}\p{M}]/u

/** Widen a span that starts or ends inside a word to the whole word: a word is never cut by a directive. */
function snapToWords(text: string, span: {start: number; end: number}): void {
  // Both halves of a surrogate pair (`𝔘`) count as the character they make.
  const inWord = (at: number) => {
    if (at < 0 || at >= text.length) return false
    const unit = text.charCodeAt(at)
    const point = unit >= 0xdc00 && unit <= 0xdfff && at > 0 ? text.codePointAt(at - 1) : text.codePointAt(at)
    return point !== undefined && wordCharacter.test(String.fromCodePoint(point))
  }
  while (span.start > 0 && inWord(span.start) && inWord(span.start - 1)) span.start--
  while (span.end < text.length && span.end > span.start && inWord(span.end) && inWord(span.end - 1)) span.end++
}

/** Set the bibliography key on every `cite` directive (its `ref` is `<note>.<index>`). */
export function applyKeys(tree: Root, keyOf: (note: number, index: number) => string | undefined): void {
  visit(tree, (node) => {
    if (!isTextDirective(node, directive.cite)) return
    const ref = node.attributes?.['ref']
    const match = ref ? /^(\d+)\.(\d+)$/.exec(ref) : null
    if (!match) return
    const key = keyOf(Number(match[1]), Number(match[2]))
    if (!key) return
    const attributes: Record<string, string> = {key}
    for (const [name, value] of Object.entries(node.attributes ?? {})) {
      if (name !== 'ref' && name !== 'key' && typeof value === 'string') attributes[name] = value
    }
    node.attributes = attributes
  })
}
