/**
 * Ingest: raw bytes of a source → document metadata and the mdast body of the annotated
 * Markdown. Decode, detect the note convention, extract body lines and notes, mend and
 * remove what is not the work (recording every change), give the text its structure.
 */
import type {Nodes, Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {report} from './rules.js'
import {isRemoved} from '../shared/annotations.js'
import type {DocumentMeta, Sidecar, SourceInput} from '../shared/types/document.js'
import type {ConventionContext} from './conventions/index.js'
import {addSymbolNotes} from './conventions/secondary.js'
import {decodeBytes, normalizeNewlines} from './decode.js'
import {reportDeclaration, reportUndecoded} from './decode-report.js'
import {detectConvention} from './detect.js'
import {reservedCharacters} from './inline.js'
import {isBlank, paragraphPerLine, splitLines, type RawLine} from './lines.js'
import {locator, type Locate} from './location.js'
import {noteEvidence} from './evidence.js'
import {buildMeta, reportSidecarMissing, type Findings} from './meta.js'
import {readerFor, type Reader, type ReadResult} from './readers/index.js'
import {reconcileNotes} from './notes.js'
import {removeArtifacts, removeSplitProoferNotes} from './repair/artifacts.js'
import {pageFurniture, pageSeparators, withFurniture} from './repair/page-furniture.js'
import {frameLines, gutenbergFrame, withFrame} from './repair/gutenberg.js'
import {withDpMarkup} from './repair/dp-markup.js'
import {applyNoteOverrides} from './repair/boundaries.js'
import {repairCitations} from './repair/ocr.js'
import {equalsBoldToMarkdown, markupToMarkdown, usesEqualsBold, usesMarkupTags, withoutMarkupTags} from './repair/markup.js'
import {applyOverrides} from './repair/overrides.js'
import {reportPossibleSic} from './repair/sic.js'
import {vocabulary} from './repair/vocabulary.js'
import type {Extraction, Line, Span} from './spans.js'
import {goesOnSentence, verseLines} from './repair/verse.js'
import {buildTree} from './structure/build.js'
import {classify} from './structure/classify.js'
import {markQuotations} from './structure/quotations.js'
import {markRegions} from './structure/regions.js'
import {blocksWithReferences, markReferenceLists} from './structure/references.js'
import {escapeRegExp} from '../shared/regexp.js'

export {lostWords} from './conservation.js'

export interface IngestResult {
  meta: DocumentMeta
  /** The body without front matter: blocks, then footnote definitions. */
  tree: Root
  /** The words of the source that the Markdown must keep, when they are not its whole text (markup formats). */
  witness?: string
}

declare module 'vfile' {
  interface DataMap {
    /** The source's sidecar, read by ingest and citations (their overrides). */
    sidecar: Sidecar
    /** True when a sidecar file exists but could not be read. */
    sidecarInvalid: boolean
    /** The words of the source that the Markdown must keep, when they are not its whole text. */
    witness: string
  }
}

/**
 * Ingest as a unified parser: a source file (its bytes as value, its sidecar in `data`) into
 * the document's body tree, with its metadata in `file.data.meta`; a source that is not text
 * gives an empty tree and no metadata (see `ingestSource`).
 */
export const apparatusIngest: Plugin<[], string, Root> = function () {
  this.parser = (_, file) => {
    const bytes = file.value
    const input: SourceInput = {path: file.path, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, sidecar: file.data.sidecar, sidecarInvalid: file.data.sidecarInvalid}
    const result = ingestSource(input, file)
    if (!result) return {type: 'root', children: []}
    file.data.meta = result.meta
    if (result.witness !== undefined) file.data.witness = result.witness
    return result.tree
  }
}

/**
 * Read one source. Returns undefined only when the bytes are not text (empty, white space,
 * binary), with a fatal diagnostic on `file`; never throws on bad input.
 */
export function ingestSource(input: SourceInput, file: VFile): IngestResult | undefined {
  const reader = readerFor(input.path)
  if (reader) return ingestWithReader(reader, input, file)
  const decoded = decodeBytes(input.bytes, {declared: input.sidecar?.encoding})
  if (!decoded.ok) {
    file.value = ''
    reportUndecoded(decoded, file, 'text')
    return undefined
  }
  const text = normalizeNewlines(decoded.text)
  file.value = text
  const locate = locator(text)
  reportDeclaration(decoded, file, locate)
  // At the first byte that is not ASCII: Windows-1252 reads one character for each byte.
  if (decoded.fallback) report(file, 'encoding-fallback', 'Unexpected bytes that are not UTF-8, expected UTF-8; read as Windows-1252 (Latin-1)', locate(normalizeNewlines(decoded.text.slice(0, Math.max(0, decoded.text.search(/[^\0-\x7f]/u)))).length))
  else if (decoded.guessed && decoded.confidence === undefined) report(file, 'encoding-detected', `Unexpected text without a byte order mark that is not UTF-8, expected UTF-8; read as ${decoded.encoding.toUpperCase()}`, locate(0))
  const reserved = text.search(reservedCharacters)
  if (reserved !== -1) report(file, 'placeholder-character', 'Unexpected bracket U+27E6/U+27E7 (reserved by ingest, replaced by U+FFFD), expected other text', locate(reserved))

  // Page numbers and running heads are blank lines to the conventions, and go back in removed.
  const rawLines = splitLines(text)
  // Project Gutenberg's header and licence are no part of the work; the conventions see blank lines.
  const frame = gutenbergFrame(rawLines)
  const framed = frameLines(frame)
  const unframed = blanked(rawLines, framed)
  const scanned = pageFurniture(unframed)
  // DP page separators are page breaks to every convention but note blocks', which reads them itself.
  const separators = pageSeparators(unframed)
  const withSeparators = separators.size === 0 ? scanned : new Map([...scanned, ...separators])
  const seen: ConventionContext = {text, lines: blanked(unframed, withSeparators), file, locate, vocabulary: vocabulary(text), pageBreaks: new Set(withSeparators.keys())}
  const convention = detectConvention(seen, input.sidecar?.overrides?.convention, file)
  const ownSeparators = separators.size > 0 && convention.name === 'footnote-blocks'
  const furniture = ownSeparators ? scanned : withSeparators
  const context: ConventionContext = ownSeparators ? {...seen, lines: blanked(unframed, furniture), pageBreaks: new Set(furniture.keys())} : seen
  const extracted = convention.extract(context)
  if (!('tree' in extracted) && furniture.size > 0) {
    // Decided on the lines as printed: a paragraph joined across a page is one long line, no sign of a paragraph a line.
    extracted.paragraphPerLine ??= paragraphPerLine(context.lines)
    const removed = [...furniture].sort(([a], [b]) => a - b).map(([index, rule]) => ({line: rawLines[index] as RawLine, rule}))
    extracted.lines = withFurniture(extracted.lines, removed, context.vocabulary)
  }
  if (!('tree' in extracted) && framed.size > 0) extracted.lines = withFrame(extracted.lines, frame, rawLines)
  // DP's block markers (`/*` … `*/`, `<tb>`) in a text of any convention (note blocks read them themselves).
  if (!('tree' in extracted)) extracted.lines = withDpMarkup(extracted.lines)
  let tree: Root
  let truncated = false
  let author: string | undefined
  let witness: string | undefined
  if ('tree' in extracted) {
    tree = extracted.tree
    markReferenceLists(tree)
    witness = usesMarkupTags(text) ? withoutMarkupTags(extracted.witness ?? text) : extracted.witness
    checkMarkdownNotes(tree, file)
    // Markdown footnotes mark their bounds in the source, where an editor can fix them.
    for (const override of input.sidecar?.overrides?.notes ?? []) {
      report(file, 'note-override-not-found', `Unexpected override of note ${override.note} in Markdown footnotes, expected a source whose notes ingest delimits`)
    }
  } else {
    witness = usesMarkupTags(text) ? withoutMarkupTags(extracted.witness ?? text) : extracted.witness
    // Translator's or editor's symbol notes beside the text's own notes.
    if (convention.name !== 'symbol-notes') addSymbolNotes(extracted, file, locate)
    const structured = structure(extracted, context, input, locate)
    tree = structured.tree
    truncated = structured.truncated
    author = structured.author
  }
  reportPossibleSic(text, file, locate)
  if (!tree.children.some((node) => node.type === 'footnoteDefinition')) reportMissingNotes(text, context.lines, convention.name, file, locate)
  // A line of rules or dashes (`---`) names nothing; the first line with a letter or digit does.
  const firstLine = context.lines.find((line) => /[\p{L}\p{N}]/u.test(line.text))?.text.trim() ?? ''
  const findings: Findings = {convention: convention.name, truncated, firstLine}
  const authors = author === undefined ? frame.authors : [author]
  if (authors) findings.authors = authors
  if (frame.title) findings.title = frame.title
  const meta = buildMeta(input, tree, findings, file)
  return witness === undefined ? {meta, tree} : {meta, tree, witness}
}

/** A text with marks of notes (calls in sequence, note blocks, a notes heading) that gave none: a warning, never a silent 0. */
function reportMissingNotes(text: string, lines: readonly RawLine[], convention: string, file: VFile, locate: Locate): void {
  const seen = noteEvidence(text, lines)
  const first = seen[0]
  if (first) report(file, 'notes-not-found', `Unexpected ${seen.map((entry) => entry.description).join(', ')} without notes, expected note bodies that ${convention === 'none' ? 'a note convention' : `\`${convention}\``} can pair with them; the marks are kept as text`, locate(first.offset))
}

/** `lines` with those at the indexes `hidden` holds blank (their offsets kept). */
function blanked(lines: readonly RawLine[], hidden: ReadonlySet<number> | ReadonlyMap<number, unknown>): readonly RawLine[] {
  return hidden.size === 0 ? lines : lines.map((line, index) => (hidden.has(index) ? {text: '', offset: line.offset} : line))
}

/** A markup format (TEI, HTML, Word): its reader makes the tree; the checks are the text's. */
function ingestWithReader(reader: Reader, input: SourceInput, file: VFile): IngestResult | undefined {
  let read: ReadResult | undefined
  try {
    read = reader.read(input, file)
  } catch (error) {
    // `file.fail` marks the file fatal and throws: the message is already on the file.
    if (error instanceof VFileMessage) return undefined
    throw error
  }
  if (!read) return undefined
  file.value = read.text
  markReferenceLists(read.tree)
  checkMarkdownNotes(read.tree, file)
  const locate = locator(read.text)
  // The checks read the witness; a word is placed at its first occurrence in the source text.
  const locateWitness: Locate = read.witness === read.text ? locate : (offset) => locate(placeInSource(read.text, read.witness, offset))
  reportPossibleSic(read.witness, file, locateWitness)
  // Unless the reader said so already (superscript numbers without their list of notes).
  const said = file.messages.some((message) => message.ruleId === 'html-notes-unpaired')
  if (!said && !read.tree.children.some((node) => node.type === 'footnoteDefinition')) reportMissingNotes(read.witness, splitLines(read.witness), read.convention, file, locateWitness)
  const firstLine = firstLineOf(read.tree)
  const metadata = read.metadata
  const sidecar = input.sidecar
  // The source's own header fills what the sidecar leaves open.
  const merged: SourceInput = metadata
    ? {...input, sidecar: {...sidecar, title: sidecar?.title ?? metadata.title, authors: sidecar?.authors ?? metadata.authors, date: sidecar?.date ?? metadata.date, language: sidecar?.language ?? metadata.language}}
    : input
  if (!sidecar && !input.sidecarInvalid && metadata) reportSidecarMissing(input.path, file)
  const meta = buildMeta(merged, read.tree, {convention: read.convention, truncated: false, firstLine}, file)
  if (!sidecar && metadata) meta.inferred = meta.inferred?.filter((field) => !(field in metadata) || metadata[field as keyof typeof metadata] === undefined)
  return {meta, tree: read.tree, witness: read.witness}
}

/** The offset in `text` of the word at `offset` in `witness`: its first occurrence as a whole word. */
function placeInSource(text: string, witness: string, offset: number): number {
  const word = /^[\p{L}\p{M}\p{N}]+/u.exec(witness.slice(offset, offset + 100))?.[0]
  if (!word) return 0
  const escaped = escapeRegExp(word)
  const found = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'u').exec(text)
  return found?.index ?? 0
}

function structure(extracted: Extraction, context: ConventionContext, input: SourceInput, locate: Locate) {
  const {file} = context
  const noteOverrides = input.sidecar?.overrides?.notes
  if (noteOverrides && noteOverrides.length > 0) applyNoteOverrides(extracted, noteOverrides, context)
  const {lines, notes} = extracted
  const tags = usesMarkupTags(context.text)
  const bold = usesEqualsBold(context.text)
  const markup = (spans: Span[]) => {
    const tagged = tags ? markupToMarkdown(spans) : spans
    return bold ? equalsBoldToMarkdown(tagged) : tagged
  }
  removeSplitProoferNotes(lines.map((line) => line.spans))
  for (const note of notes) removeSplitProoferNotes(note.paragraphs)
  for (const line of lines) line.spans = markup(removeArtifacts(line.spans, file, locate))
  for (const note of notes) note.paragraphs = note.paragraphs.map((spans) => repairCitations(markup(removeArtifacts(spans, file, locate))))
  const overrides = input.sidecar?.overrides?.emendations
  if (overrides && overrides.length > 0) {
    const runs = [...lines.map((line) => line.spans), ...notes.flatMap((note) => note.paragraphs)]
    applyOverrides(runs, overrides, file)
    let index = 0
    for (const line of lines) line.spans = runs[index++] ?? line.spans
    for (const note of notes) note.paragraphs = note.paragraphs.map((spans) => runs[index++] ?? spans)
  }
  reconcileNotes(lines, notes, file, locate)
  keepVerseLines(lines, context)
  const classified = classify(blocksWithReferences(lines, context.vocabulary, extracted.paragraphPerLine, context.text), file, locate)
  markRegions(classified.blocks)
  markQuotations(classified.blocks)
  const tree = buildTree(classified.blocks, notes, (call, word) => {
    report(file, 'reference-moved', `Unexpected reference \`${call.raw}\` opening a line right before the emendation \`${word.corrected}\`, expected a reference after a word; it now follows that word`, locate(call.offset))
  })
  return {tree, truncated: classified.truncated, author: classified.author}
}

/**
 * Verse the text sets in from the margin keeps its lines in the body, whatever the convention:
 * each line after a run's first opens with a break (conventions that mark verse themselves have).
 * Where no blank line parts the verse from the prose, the run's first line opens with a break too
 * (unless the prose before goes on into it, a hanging indent), and so does the line after it.
 */
function keepVerseLines(lines: Line[], context: ConventionContext): void {
  const verse = verseLines(context.lines, true)
  if (verse.size === 0) return
  const broken = new Set<number>()
  /** The current run of set-in lines goes on a sentence of the prose before it: a hanging indent, not verse. */
  let hanging = false
  context.lines.forEach((raw, index) => {
    const before = context.lines[index - 1]
    const inVerse = verse.has(raw.offset)
    const afterVerse = before !== undefined && verse.has(before.offset)
    if (inVerse && !afterVerse) hanging = before !== undefined && !isBlank(before) && goesOnSentence(before.text)
    if (!before || isBlank(before) || isBlank(raw) || (hanging && (inVerse || afterVerse))) return
    if (inVerse || afterVerse) broken.add(raw.offset)
  })
  for (const line of lines) {
    if (line.blankBefore || line.spans[0]?.type === 'break') continue
    if (broken.has(context.text.lastIndexOf('\n', line.offset - 1) + 1)) line.spans.unshift({type: 'break'})
  }
}

/** A footnote call that the parser left as text, because no note defines its label. */
const undefinedCall = /\[\^([^\]\s]{1,40})\]/g

/** Markdown footnotes: every reference needs a definition, every definition a reference, once. */
function checkMarkdownNotes(tree: Root, file: VFile): void {
  const defined = new Set<string>()
  const referenced = new Set<string>()
  visit(tree, 'footnoteDefinition', (node) => {
    const label = node.label ?? node.identifier
    if (defined.has(node.identifier)) report(file, 'duplicate-note-number', `Unexpected second note \`[^${label}]\`, expected each label once`, node.position?.start)
    defined.add(node.identifier)
  })
  visit(tree, 'footnoteReference', (node) => {
    referenced.add(node.identifier)
    const label = node.label ?? node.identifier
    if (!defined.has(node.identifier)) report(file, 'reference-without-note', `Unexpected reference \`[^${label}]\` without a definition, expected \`[^${label}]: …\``, node.position?.start)
  })
  visit(tree, 'text', (node) => {
    const start = node.position?.start
    for (const match of node.value.matchAll(undefinedCall)) {
      // A call inside a note that names a defined note was made text (`note-in-note`).
      if (defined.has(match[1]?.toLowerCase() ?? '')) continue
      report(file, 'reference-without-note', `Unexpected reference \`${match[0]}\` without a definition, expected \`[^${match[1]}]: …\``, start && pointIn(node.value, match.index, start))
    }
  })
  visit(tree, 'footnoteDefinition', (node) => {
    const label = node.label ?? node.identifier
    if (!referenced.has(node.identifier)) report(file, 'note-without-reference', `Unexpected note \`[^${label}]\` without a reference, expected a marker`, node.position?.start)
  })
}

/** The point of `index` in a text node's value that starts at `start` (escapes aside). */
function pointIn(value: string, index: number, start: Point): Point {
  const before = value.slice(0, index)
  const newline = before.lastIndexOf('\n')
  if (newline === -1) return {line: start.line, column: start.column + index}
  return {line: start.line + (before.match(/\n/g)?.length ?? 0), column: index - newline}
}

/**
 * The first line of a read text, the title of last resort: its first block's first line as the
 * edition reads it, notes and removed text left out (a reader's witness holds each note where it
 * stands, so its first line may run into one).
 */
function firstLineOf(tree: Root): string {
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition' || node.type === 'yaml' || node.type === 'html' || isRemoved(node)) continue
    const line = readingOf(node).split('\n').find((text) => /[\p{L}\p{N}]/u.test(text))
    if (line !== undefined) return line.replace(/\s+/g, ' ').trim()
  }
  return ''
}

/** A node's text as the edition reads it: removed text left out (a note's call has none). */
function readingOf(node: Nodes): string {
  if (isRemoved(node)) return ''
  if ('value' in node) return node.value
  return 'children' in node ? node.children.map(readingOf).join('') : ''
}
