/**
 * The shared bibliography: the one corpus-wide reduce. Citations of the same work or archival
 * document across all documents become one CSL item with a stable readable key; every
 * citation becomes an occurrence pointing to its item. Ibid. and short forms take the key of
 * the citation they resolve to. Nothing is dropped: what cannot be read is kept as an entry.
 */
import type {VFile} from 'vfile'
import {report} from './rules.js'
import type {CitationOccurrence, ParsedCitation} from '../shared/types/citation.js'
import type {CslItem, CslItemDraft} from '../shared/types/csl.js'
import type {DocumentMeta} from '../shared/types/document.js'
import {assembleItem, mergeInto, unparsedItem} from './assemble.js'
import {archiveDisagreements} from './checks.js'
import {Clusters} from './cluster.js'
import {parseDate, yearOf} from './dates.js'
import {editionDocumentOf, editionIndex} from './edition.js'
import {archivalOf, compatible, identityOf, isArchival, nameHead, type Identity} from './identity.js'
import {datesFromIssues} from './issues.js'
import {assignKeys, byKey} from './keys.js'
import {lintBibliography, workSignature} from './lint.js'
import {completeGivenNames} from './names.js'
import {titleForm} from './normalize.js'

export {archivalHierarchy, type ArchiveNode} from './hierarchy.js'

export interface Bibliography {
  /** CSL items, ordered by key. */
  items: CslItem[]
  /** Every citation of every document, in document order. */
  occurrences: CitationOccurrence[]
}

export interface BibliographyInput {
  meta: DocumentMeta
  citations: ParsedCitation[]
  file: VFile
}

/** One citation in its document. */
interface Slot {
  doc: number
  citation: ParsedCitation
  /** Group record when the citation stands for itself. */
  record?: number
  /** Item of its own when nothing else can hold it (unparsed, unresolved). */
  own?: CslItemDraft
  /** The citation it resolves to (same document). */
  refers?: string
  /** The key an editor gave it (sidecar `overrides.citations`). */
  forced?: string
}

function slotId(doc: number, note: number, index: number): string {
  return `${doc}:${note}.${index}`
}

function byPosition(a: ParsedCitation, b: ParsedCitation): number {
  return a.note - b.note || a.index - b.index
}

/** Whether an Ibid./short form names an archival document of its own (`…, ibid., l. 11-17`). */
function ownDocument(citation: ParsedCitation, target: ParsedCitation | undefined): boolean {
  if (!target || !isArchival(citation) || !isArchival(target)) return false
  const archival = archivalOf(citation)
  if (!citation.item.title && !archival.docDate && !archival.description) return false
  return !compatible(identityOf(citation).facts, identityOf(target).facts)
}

/** Place each citation: its own identity, a reference to another, or an entry of its own. */
function placeCitations(docs: BibliographyInput[], clusters: Clusters, identities: Map<number, Identity>): Slot[] {
  const slots: Slot[] = []
  docs.forEach((doc, docIndex) => {
    const byId = new Map<string, ParsedCitation>()
    for (const citation of doc.citations) byId.set(slotId(docIndex, citation.note, citation.index), citation)
    const where = doc.meta.slug
    for (const citation of [...doc.citations].sort(byPosition)) {
      const slot: Slot = {doc: docIndex, citation}
      const at = `${where}, note ${citation.note}.${citation.index}`
      const ref = citation.resolvesTo ? slotId(docIndex, citation.resolvesTo.note, citation.resolvesTo.index) : undefined
      const target = ref === undefined ? undefined : byId.get(ref)
      if (citation.unparsed) {
        report(doc.file, 'bib-unparsed-citation', `Unexpected unparsed citation in ${at}, expected a parsed one; kept as an entry`)
      } else if ((citation.ibid || citation.shortForm) && citation.resolvesTo && !target) {
        report(doc.file, 'bib-dangling-reference', `Unexpected reference from ${at} to note ${citation.resolvesTo.note}.${citation.resolvesTo.index}, expected a citation of this document`)
        if (citation.ibid) slot.own = unparsedItem(citation)
      } else if (target && (citation.ibid || citation.shortForm) && !ownDocument(citation, target)) {
        slot.refers = ref
      } else if (citation.ibid && !target) {
        report(doc.file, 'bib-unresolved-reference', `Unexpected Ibid. in ${at} without an earlier citation, expected one to resolve to`)
        slot.own = unparsedItem(citation)
      }
      if (!slot.refers && !slot.own && citation.key) {
        slot.forced = citation.key
      } else if (!slot.refers && !slot.own) {
        const identity = identityOf(citation)
        slot.record = clusters.add(identity.keys, identity.facts)
        identities.set(slot.record, identity)
      }
      slots.push(slot)
    }
  })
  return slots
}

/**
 * Follow Ibid. chains to the slot that holds an identity; a loop becomes an entry of its own.
 * Every slot a walk passes through is resolved with it, so a chain of N Ibid.s is walked once,
 * not N times (one note of 20,000 took minutes).
 */
function resolveSlots(slots: Slot[], docs: BibliographyInput[]): Map<Slot, Slot> {
  const byId = new Map<string, Slot>()
  for (const slot of slots) byId.set(slotId(slot.doc, slot.citation.note, slot.citation.index), slot)
  const resolved = new Map<Slot, Slot>()
  for (const slot of slots) {
    if (resolved.has(slot)) continue
    const walked: Slot[] = []
    const seen = new Set<Slot>()
    let current: Slot | undefined = slot
    let end: Slot | undefined
    while (current) {
      end = resolved.get(current)
      if (end) break
      if (!current.refers) {
        end = current
        break
      }
      if (seen.has(current)) break
      seen.add(current)
      walked.push(current)
      current = byId.get(current.refers)
    }
    if (end) {
      resolved.set(slot, end)
      for (const passed of walked) resolved.set(passed, end)
      continue
    }
    const doc = docs[slot.doc]
    if (doc) report(doc.file, 'bib-unresolved-reference', `Unexpected circular Ibid. chain at ${doc.meta.slug}, note ${slot.citation.note}.${slot.citation.index}, expected it to end at a full citation`)
    slot.refers = undefined
    slot.own = unparsedItem(slot.citation)
    resolved.set(slot, slot)
  }
  return resolved
}

/** Build the shared bibliography of all documents (in reading order). */
export function buildBibliography(docs: BibliographyInput[]): Bibliography {
  const clusters = new Clusters()
  const identities = new Map<number, Identity>()
  const slots = placeCitations(docs, clusters, identities)
  const resolved = resolveSlots(slots, docs)

  // Groups in order of first appearance: a group per cluster root, an entry per own slot.
  const groups: Array<{members: ParsedCitation[]; own?: CslItemDraft; signature: string; doc: number}> = []
  const groupOfRoot = new Map<number, number>()
  const groupOfSlot = new Map<Slot, number>()
  const forced = new Map<string, Slot[]>()
  for (const slot of slots) {
    if (slot.forced) {
      const members = forced.get(slot.forced) ?? []
      members.push(slot)
      forced.set(slot.forced, members)
    } else if (slot.own) {
      const {doc, citation} = slot
      const slug = docs[doc]?.meta.slug ?? ''
      groupOfSlot.set(slot, groups.length)
      groups.push({members: [citation], own: slot.own, signature: `own|${slug}|${citation.note}.${citation.index}`, doc})
    } else if (slot.record !== undefined) {
      const root = clusters.find(slot.record)
      let group = groupOfRoot.get(root)
      if (group === undefined) {
        group = groups.length
        groupOfRoot.set(root, group)
        groups.push({members: [], signature: identities.get(root)?.signature ?? String(root), doc: slot.doc})
      }
      groups[group]?.members.push(slot.citation)
      groupOfSlot.set(slot, group)
    }
  }

  const index = editionIndex(docs.map((doc) => doc.meta))
  const draftOf = (group: (typeof groups)[number]) => {
    const first = group.members[0]
    const draft = group.own ?? (first?.unparsed ? unparsedItem(first) : assembleItem(group.members))
    if (!group.own && first && !first.unparsed && draft.custom?.unparsed) {
      const doc = docs[group.doc]
      if (doc) report(doc.file, 'bib-unparsed-citation', `Unexpected prose “${first.text.slice(0, 60)}” read as a work in ${doc.meta.slug}, note ${first.note}.${first.index}, expected a citation; kept as an entry`)
    }
    const linked = editionDocumentOf(draft, index)
    if (linked) {
      draft.custom = {...draft.custom, editionDocument: linked}
      // The edition knows the document's date.
      const date = docs.find((doc) => doc.meta.slug === linked)?.meta.date
      if (!draft.issued && date) draft.issued = parseDate(date)
      const doc = docs[group.doc]
      if (doc) report(doc.file, 'bib-edition-link', `Cited work “${draft.title ?? ''}” is edition document \`${linked}\``)
    }
    return draft
  }
  const drafts = groups.map(draftOf)
  const keys = assignKeys(drafts, groups.map((group) => group.signature))
  // An editor's key that the bibliography gives already joins that entry; a new one makes its own.
  for (const [key, members] of forced) {
    let group = keys.indexOf(key)
    if (group === -1) {
      const created = {members: members.map((slot) => slot.citation), signature: `key|${key}`, doc: members[0]?.doc ?? 0}
      group = groups.length
      groups.push(created)
      drafts.push(draftOf(created))
      keys.push(key)
    }
    for (const slot of members) groupOfSlot.set(slot, group)
  }
  const built: CslItem[] = drafts.map((draft, position) => ({id: keys[position] ?? 'anon', ...draft}))
  // One entry per work: entries with the same normalized author, title and year are merged
  // into the first (an editor's key is never merged away).
  const kept = new Map<string, number>()
  const mergedInto = new Map<number, number>()
  built.forEach((item, position) => {
    const signature = item.custom?.unparsed ? undefined : workSignature(item)
    // Works with a title, and archival items that print the same in the same file; entries
    // known only by sender, kind and year may be distinct documents.
    if (!signature || (!signature.startsWith('t|') && !item['archive_location'])) return
    const first = kept.get(signature)
    const forcedKey = groups[position]?.signature.startsWith('key|')
    if (first === undefined || forcedKey) {
      if (first === undefined) kept.set(signature, position)
      return
    }
    const target = built[first]
    if (!target) return
    mergeInto(target, item)
    mergedInto.set(position, first)
    const doc = docs[groups[position]?.doc ?? -1]
    if (doc) report(doc.file, 'bib-merged-duplicate', `Merged \`${item.id}\` into \`${target.id}\`: same author, title and year`)
  })
  mergeBareCitations(built, mergedInto, (position) => groups[position]?.signature.startsWith('key|') ?? false, (position, target) => {
    const doc = docs[groups[position]?.doc ?? -1]
    if (doc) report(doc.file, 'bib-merged-duplicate', `Merged \`${built[position]?.id ?? ''}\` into \`${target.id}\`: same author, title and date, cited without its place`)
  })
  for (const [slot, group] of groupOfSlot) if (mergedInto.has(group)) groupOfSlot.set(slot, mergedInto.get(group) ?? group)
  const items = built.filter((_, position) => !mergedInto.has(position))
  const fileOfKey = new Map<string, VFile>()
  items.forEach((item) => {
    const doc = docs[groups[keys.indexOf(item.id)]?.doc ?? -1]
    if (doc) fileOfKey.set(item.id, doc.file)
  })
  for (const {key, from} of datesFromIssues(items)) {
    const file = fileOfKey.get(key)
    if (file) report(file, 'bib-issue-date', `Dated \`${key}\` by its periodical issue, whose date \`${from}\` gives`)
  }
  for (const {key, family, given} of completeGivenNames(items)) {
    const file = fileOfKey.get(key)
    if (file) report(file, 'bib-name-completed', `Completed \`${family}\` as \`${family}, ${given}\` in \`${key}\`: the bibliography names one person of that family`)
  }

  const occurrences: CitationOccurrence[] = []
  for (const slot of slots) {
    const holder = resolved.get(slot) ?? slot
    const group = groupOfSlot.get(holder)
    const doc = docs[slot.doc]
    if (group === undefined || !doc) continue
    occurrences.push(occurrenceOf(slot.citation, doc.meta, keys[group] ?? 'anon'))
  }

  archiveDisagreements(built, groups.map((group) => docs[group.doc]?.file))
  const documentDates = new Map<string, string>()
  for (const doc of docs) if (doc.meta.date) documentDates.set(doc.meta.slug, doc.meta.date)
  lintBibliography(items, {occurrences, documentDates}, (key) => fileOfKey.get(key))
  return {items: [...items].sort(byKey), occurrences}
}

/** Fields that place a work: where it was published or is kept. */
const placeFields = ['archive', 'archive_location', 'container-title', 'publisher', 'publisher-place', 'URL', 'DOI', 'number'] as const

/** Whether an item says nothing of where it is: a title, names and a date only. */
function bare(item: CslItem): boolean {
  const archival = item.custom?.archival
  return placeFields.every((field) => !item[field]) && !(archival && Object.values(archival).some((value) => value !== undefined))
}

/**
 * One entry per work, across the divide between a full citation and one that gives only title
 * and date (`“Notes on the Question …,” September 1945` beside the same document with its
 * archive): a bare entry whose author, title and date are those of exactly one placed entry
 * is merged into it. The dates must agree as far as both go.
 */
function mergeBareCitations(built: CslItem[], mergedInto: Map<number, number>, forced: (position: number) => boolean, merged: (position: number, target: CslItem) => void): void {
  const titled = (item: CslItem) => !item.custom?.unparsed && Boolean(item.title) && Boolean(item.issued?.['date-parts'])
  const workOf = (item: CslItem) => `${nameHead(item.author) || nameHead(item.editor)}|${titleForm(item.title ?? '')}|${yearOf(item.issued) ?? ''}`
  const placed = new Map<string, number[]>()
  built.forEach((item, position) => {
    if (mergedInto.has(position) || !titled(item) || bare(item)) return
    const work = workOf(item)
    placed.set(work, [...(placed.get(work) ?? []), position])
  })
  built.forEach((item, position) => {
    if (mergedInto.has(position) || forced(position) || !titled(item) || !bare(item)) return
    const parts = item.issued?.['date-parts']?.[0] ?? []
    const matches = (placed.get(workOf(item)) ?? []).filter((candidate) => {
      const other = built[candidate]?.issued?.['date-parts']?.[0] ?? []
      return parts.every((part, index) => other[index] === undefined || other[index] === part) && (built[candidate]?.issued?.['date-parts']?.length ?? 0) === (item.issued?.['date-parts']?.length ?? 0)
    })
    const target = matches.length === 1 && matches[0] !== undefined ? built[matches[0]] : undefined
    if (!target || matches[0] === undefined) return
    mergeInto(target, item)
    mergedInto.set(position, matches[0])
    merged(position, target)
  })
}

function occurrenceOf(citation: ParsedCitation, meta: DocumentMeta, key: string): CitationOccurrence {
  const folios = citation.archival?.folios
  const locator = citation.locator ?? folios
  const label = citation.locator === undefined ? (folios === undefined ? undefined : 'folio') : citation.label
  // Fields in the order of bib/citations.json; a citation without locator has none.
  return {
    source: meta.source,
    document: meta.slug,
    note: citation.note,
    index: citation.index,
    text: citation.printed ?? citation.text,
    markdown: citation.text,
    key,
    ...(locator === undefined ? {} : {locator}),
    ...(label === undefined ? {} : {label}),
    ...(citation.page === undefined ? {} : {page: citation.page}),
    ibid: citation.ibid,
    shortForm: citation.shortForm,
    ...(citation.override ? {override: citation.override} : {}),
    ...(citation.place ? {place: citation.place} : {}),
    ...(citation.anchor ? {anchor: citation.anchor} : {})
  }
}
