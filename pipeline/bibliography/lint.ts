/**
 * The bibliography lint: what a reader of the bibliography would call an error, found on the
 * merged items of any edition. Each finding is a warning with its own rule id; nothing is
 * changed here (the causes are fixed where items are made).
 */
import type {VFile} from 'vfile'
import {report} from './rules.js'
import type {CitationOccurrence} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import {commentary} from '../shared/prose.js'
import {yearOf} from './dates.js'
import {nameHead, titleParts} from './identity.js'
import {comparable, numberForm, titleForm} from './normalize.js'

export interface LintFinding {
  rule: string
  key: string
  reason: string
}

export interface LintContext {
  /** Citation occurrences of the items (for locators and printed texts). */
  occurrences: CitationOccurrence[]
  /** Dates of the edition's documents, by slug (a linked document's date is known). */
  documentDates?: Map<string, string>
}

/** Item types whose `page` is the extent of the part in its container. */
const containedTypes = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'chapter',
  'paper-conference', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'review', 'review-book'
])

/** A page reference (`pp. 9 - 10`, `p. 4`, `pages 3-7`): the place a citation cites, never a publisher. */
export const citedPages = /^(?:pp?\.|pages?)\s*\d+[\s\d,–-]*$/i

/** Titles that stand in for a missing one. */
const placeholderTitle = /^[\s[(]*(?:untitled(?:\s+(?:document|item|work))?|no\s+title|n\.\s*t\.|title|unknown|anonymous|\?+|-+|…|\.\.\.)[\s\])]*\.?$/i

/** A date value that stands in for a missing one (`XXXX`, `n.d.`, `0000`). */
const placeholderDate = /^(?:x{2,}.*|\d{0,3}x+|n\.\s*d\.?|no\s+date|undated|unknown|0{4}|9{4})$/i

/** Words that open a clause continuing earlier prose, never a title. */
const connectives = /^(?:in addition|however|moreover|furthermore|also|thus|therefore|but|and|or|see also|see|cf\.?|ibid\.?|which|whereas|because|although)\b[,\s]/i

/** A narrative statement (`Molotov’s letter was dated 20 February 1947`): a past verb, no subtitle. */
const sentence = /^[^:?!]*\s(?:was|were|had)\s+\p{Ll}[^:?!]*$/u

/** Whether a text reads as a sentence: a narrative verb and no more than half its words capitalized. */
function isSentence(text: string): boolean {
  if (!sentence.test(text)) return false
  const long = text.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word))
  const capitalized = long.filter((word) => /^\p{Lu}/u.test(word)).length
  return capitalized * 2 <= long.length
}

/** Pairs that must balance in a field a reader sees. */
const pairs: Array<[string, string]> = [['(', ')'], ['[', ']'], ['“', '”'], ['‘', '’']]

function unbalanced(text: string): string | undefined {
  for (const [open, close] of pairs) {
    let depth = 0
    for (const char of text) {
      if (char === open) depth++
      else if (char === close) {
        // A closing single quote is also an apostrophe (`Stalin’s`): only count it against an open one.
        if (depth === 0 && close === '’') continue
        depth--
        if (depth < 0) return `${open}${close}`
      }
    }
    if (depth !== 0) return `${open}${close}`
  }
  const straight = (text.match(/(?<![\p{L}\d])"|"(?![\p{L}\d])/gu) ?? []).length
  if (straight % 2 !== 0) return '""'
  return undefined
}

/** The first letter a reader sees of a text, ignoring quotes and brackets. */
function firstLetter(text: string): string {
  return /[\p{L}\d]/u.exec(text)?.[0] ?? ''
}

function startsLower(text: string): boolean {
  const first = firstLetter(text)
  return first !== '' && first !== first.toUpperCase() && first === first.toLowerCase()
}

/** Fields a reader sees as text. */
const shownFields = ['title', 'container-title', 'collection-title', 'genre', 'publisher', 'publisher-place', 'note', 'archive', 'archive_location', 'medium', 'event-title'] as const

function dateText(item: CslItem): string {
  const issued = item.issued
  if (!issued) return ''
  return [issued.literal, issued.raw, ...(issued['date-parts'] ?? []).flat().map(String)].filter(Boolean).join(' ')
}

function namesText(item: CslItem): string {
  return [...(item.author ?? []), ...(item.editor ?? []), ...(item.recipient ?? [])]
    .map((name) => [name.literal, name.given, name.family].filter(Boolean).join(' ')).join(' ')
}

/** Years printed in a text (1500–2099). */
function years(text: string): string[] {
  return text.match(/(?<![\d.])1[5-9]\d\d(?!\d)|(?<![\d.])20\d\d(?!\d)/g) ?? []
}

/** Whether the item has a description it can be shown by. */
function described(item: CslItem): boolean {
  if (item.title?.trim()) return true
  if (item['container-title']?.trim()) return true
  if (item.archive && item['archive_location']) return true
  // An archival document known by sender, kind and recipient or date (`Shtykov, telegram, 1950`).
  if (item.genre && (item.author?.length || item.recipient?.length)) return true
  // A letter known by its sender and recipient (`Shtemenko to Shtykov, 4 June 1949`).
  if (item.author?.length && item.recipient?.length) return true
  return false
}

/** The volume a title names (`…, Volume II, …`, `vol. 2`), in number form. */
function titleVolume(title: string | undefined): string | undefined {
  return title ? titleParts(title).volume : undefined
}

/** What a reader takes to be the same work: normalized author, title and year. */
export function workSignature(item: CslItem): string | undefined {
  const head = nameHead(item.author) || nameHead(item.editor)
  const year = yearOf(item.issued)
  const title = titleForm(item.title ?? '')
  // An archival document is one day's document in one file: the whole date and the place count;
  // a document, letter or interview is one day's, wherever it is kept.
  const archival = item.archive || item.custom?.archival
  const dated = archival || item.type === 'document' || item.type === 'personal_communication' || item.type === 'interview'
  const when = dated ? JSON.stringify(item.issued?.['date-parts'] ?? '') : String(year ?? '')
  const where = archival ? `|${comparable(item.archive ?? '')}|${comparable(item['archive_location'] ?? '')}` : ''
  if (title) return `t|${head}|${title}|${when}${where}`
  // Without a title, what is printed: the same sender, kind, recipient, date and place.
  const rest = [comparable(item.genre ?? ''), nameHead(item.recipient), JSON.stringify(item.issued?.['date-parts'] ?? ''),
    titleForm(item['container-title'] ?? ''), comparable(item.archive ?? ''), comparable(item['archive_location'] ?? ''),
    numberForm(item.volume) ?? '', item.page ?? '', item.number ?? '']
  if (!head && rest.every((part) => part === '' || part === '""')) return undefined
  return `n|${head}|${rest.join('|')}`
}

/** Kinds of archival documents a description names (`VOKS letter to MID`). */
const documentKinds = '(?:ciphered\\s+)?(?:letter|report|telegram|cable|memorandum|note|instruction|directive|message|statement|draft|record)s?'

/** A proper name: up to four capitalized words (`TASS`, `Shtykov`, `Primorsky Military Region`). */
const properName = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:of\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,5}"

/** `Harbour Board letter to …`: the sender before the kind of document. */
const senderBefore = new RegExp(`^(${properName})(?:['’]s|,)?\\s+${documentKinds}\\s+to\\s`, 'u')
/** `report from the Harbour Board to …`. */
const senderFrom = new RegExp(`^${documentKinds}\\s+from\\s+(?:the\\s+)?(${properName})\\s+to\\s`, 'iu')
/** `telegram sent by Okafor to …`. */
const senderBy = new RegExp(`\\b${documentKinds}\\s+(?:sent|written|signed)\\s+by\\s+(?:the\\s+)?(${properName}(?:\\s+(?:officials|in\\s+\\p{Lu}[\\p{L}-]*))*)\\s+to\\s`, 'iu')
/** `report to … from the Survey Office`. */
const senderAfter = new RegExp(`\\b${documentKinds}\\s+to\\s+[^,;]*?\\bfrom\\s+(?:the\\s+)?(${properName})`, 'iu')

/**
 * The sender a description names: `VOKS letter to MID`, `Shtykov report to Gromyko`,
 * `report to Central Committee from Politupravlenie of Primorsky Military Region`.
 */
export function senderInDescription(title: string | undefined): string | undefined {
  if (!title || !/\bto\b/i.test(title)) return undefined
  const before = senderBefore.exec(title)
  if (before?.[1]) return before[1]
  const from = senderFrom.exec(title)
  if (from?.[1]) return from[1]
  const sentBy = senderBy.exec(title)
  if (sentBy?.[1]) return sentBy[1]
  return senderAfter.exec(title)?.[1]
}

/** The units of an archival location (`Fond 3`, `f. 07`): what precedes the first describes the document. */
const fondUnit = /(?<![\p{L}])(?:Fond|F\.|f\.|fond)\s*(?:\(F\.\)\s*)?[\dIVXA-Z]/u

/** What an archival citation prints before its location. */
function archivalHead(text: string): string {
  const fond = fondUnit.exec(text)
  return fond ? text.slice(0, fond.index) : ''
}

/** Why a title reads as prose rather than a title, or undefined when it reads as a title. */
export function proseTitle(title: string): string | undefined {
  if (!title.trim()) return undefined
  if (startsLower(title)) return 'starting in lower case'
  if (connectives.test(title.trim())) return 'opening a sentence'
  if (isSentence(title.trim())) return 'that is a sentence'
  const prose = commentary(title)
  if (prose) return `that is prose ${prose}`
  const open = unbalanced(title)
  if (open) return `with unbalanced ${open}`
  return undefined
}

/** Lint the items of a bibliography; returns the findings in item order. */
export function lintItems(items: CslItem[], context: LintContext): LintFinding[] {
  const findings: LintFinding[] = []
  const add = (rule: string, item: CslItem, reason: string) => findings.push({rule, key: item.id, reason})
  const occurrencesOf = new Map<string, CitationOccurrence[]>()
  for (const occurrence of context.occurrences) {
    const list = occurrencesOf.get(occurrence.key) ?? []
    list.push(occurrence)
    occurrencesOf.set(occurrence.key, list)
  }
  const keys = new Set(items.map((item) => item.id).filter((id) => /\d/.test(id) && /[a-z]/.test(id) && id.length > 6))
  const bySignature = new Map<string, CslItem>()

  for (const item of items) {
    const occurrences = occurrencesOf.get(item.id) ?? []
    const title = item.title
    const unparsed = Boolean(item.custom?.unparsed)

    // Placeholder titles and items with nothing to show them by.
    if (title !== undefined && (title.trim() === '' || placeholderTitle.test(title.trim()))) {
      add('bib-lint-placeholder-title', item, `Unexpected placeholder title “${title}”, expected a title or a description`)
    } else if (!described(item)) {
      add('bib-lint-placeholder-title', item, 'Unexpected item without title or description, expected one to show it by')
    }

    // Invented dates, and no date where the citation or the edition gives one.
    const dates = [item.issued?.literal, item.issued?.raw, ...(item.issued?.['date-parts'] ?? []).flat().map(String)].filter((value): value is string => Boolean(value))
    const invented = dates.find((value) => placeholderDate.test(value.trim()))
    if (invented !== undefined) {
      add('bib-lint-invented-date', item, `Unexpected placeholder date \`${invented}\`, expected no \`issued\` when the date is unknown`)
    } else if (!item.issued && !unparsed) {
      const linked = item.custom?.editionDocument
      const documentDate = typeof linked === 'string' ? context.documentDates?.get(linked) : undefined
      if (documentDate) {
        add('bib-lint-invented-date', item, `Unexpected undated item, expected the date ${documentDate} of edition document \`${String(linked)}\``)
      } else if (!item.archive && !item.custom?.archival) {
        // Years a published work's citation prints outside the title and container (which may
        // name years); an archival document's date is read by the archival grammar itself.
        const known = [title ?? '', item['container-title'] ?? '', item['collection-title'] ?? '', item.publisher ?? '', item.genre ?? ''].join(' ')
        const knownYears = new Set(years(known))
        const printed = occurrences.flatMap((occurrence) => years(occurrence.text)).find((year) => !knownYears.has(year))
        if (printed) add('bib-lint-invented-date', item, `Unexpected undated item, expected the year ${printed} its citation gives`)
      }
    }

    // Prose taken for an entry.
    const proseTitled = title && !unparsed ? proseTitle(title) : undefined
    if (title && proseTitled) add('bib-lint-prose-entry', item, `Unexpected title ${proseTitled} “${title.slice(0, 60)}”, expected a title (prose taken for an entry?)`)
    // A citation that could not be read is kept as printed, but a note's sentence is no citation.
    const literal = unparsed ? (typeof item.custom?.literal === 'string' ? item.custom.literal : title) : undefined
    const literalProse = literal ? commentary(literal) : undefined
    if (literal && literalProse) add('bib-lint-prose-entry', item, `Unexpected entry of a note’s prose ${literalProse} “${literal.slice(0, 60)}”, expected a citation`)
    // An archival document described by the commentary printed before its file (`Orlov promised
    // …: GARF, f. 5, …`): the commentary is no description, and no kind or correspondent is read from it.
    if (!unparsed && !proseTitled && (item.archive || item.custom?.archival)) {
      const described = occurrences.map((occurrence) => ({occurrence, head: archivalHead(occurrence.text)})).find(({head}) => head && commentary(head))
      if (described) add('bib-lint-prose-entry', item, `Unexpected archival citation opening with a note’s prose “${described.head.slice(0, 60)}” in ${described.occurrence.document}, note ${described.occurrence.note}; expected a description of the document, or its archive and location alone`)
    }
    if (!unparsed) {
      for (const name of [...(item.author ?? []), ...(item.recipient ?? [])]) {
        const printed = name.literal ?? name.family ?? ''
        const reason = startsLower(printed) ? 'starting in lower case' : unbalanced(printed) ? 'with unbalanced quotes or brackets' : undefined
        if (reason) add('bib-lint-prose-entry', item, `Unexpected name ${reason} “${printed.slice(0, 60)}”, expected a person or an office`)
      }
      for (const field of shownFields) {
        if (field === 'title') continue
        const value = item[field]
        const open = typeof value === 'string' ? unbalanced(value) : undefined
        if (open) add('bib-lint-prose-entry', item, `Unexpected unbalanced ${open} in ${field} “${String(value).slice(0, 60)}”`)
      }
    }

    // Sender dropped: an entry that opens with its recipient though its sender is known.
    if (!item.author?.length && !item.editor?.length) {
      const named = typeof item.custom?.sender === 'string' ? item.custom.sender.split(',')[0]?.replace(/^the\s+/i, '').trim() : undefined
      // A phrase that is not a name (`the telegram`) names no sender.
      const sender = (named && !proseTitle(named) ? named : undefined) ?? senderInDescription(title)
      if (sender) add('bib-lint-sender-dropped', item, `Unexpected entry without its sender, expected ${String(sender)} as the author`)
    }

    // A volume printed twice: in the title and in `volume`.
    const inTitle = titleVolume(title)
    if (inTitle && item.volume && numberForm(item.volume) === inTitle) {
      add('bib-lint-volume-twice', item, `Unexpected volume ${item.volume} both in the title and in \`volume\`, expected it once`)
    }

    // A cited page printed as the article's pages.
    if (item.page && containedTypes.has(item.type)) {
      const cited = occurrences.find((occurrence) => occurrence.locator === item.page && (occurrence.label ?? 'page') === 'page')
      if (cited) add('bib-lint-cited-page', item, `Unexpected page ${item.page}, the locator cited in ${cited.document}, note ${cited.note}; expected the article's own page range or none`)
    }

    if (item.publisher && citedPages.test(item.publisher.trim())) {
      add('bib-lint-cited-page', item, `Unexpected publisher “${item.publisher}”, a cited page; expected the publisher or none`)
    }

    // Internal keys shown to readers.
    const shown = [...shownFields.map((field) => item[field]).filter((value): value is string => typeof value === 'string'), namesText(item), dateText(item)].join(' ')
    const leaked = (shown.match(/[A-Za-z0-9-]+/g) ?? []).find((token) => keys.has(token))
    if (leaked) add('bib-lint-internal-key', item, `Unexpected internal key \`${leaked}\` in what readers see, expected a title or description`)

    // Duplicate works.
    const signature = unparsed ? undefined : workSignature(item)
    if (signature) {
      const first = bySignature.get(signature)
      if (first) add('bib-lint-duplicate', item, `Unexpected second entry of one work (same author, title and year as \`${first.id}\`), expected one entry`)
      else bySignature.set(signature, item)
    }
  }
  return findings
}

/** Lint the items and report each finding on the file of the document that first cites the item. */
export function lintBibliography(items: CslItem[], context: LintContext, fileOf: (key: string) => VFile | undefined): LintFinding[] {
  const findings = lintItems(items, context)
  for (const finding of findings) {
    const file = fileOf(finding.key)
    if (file) report(file, finding.rule, `${finding.reason} (\`${finding.key}\`)`)
  }
  return findings
}
