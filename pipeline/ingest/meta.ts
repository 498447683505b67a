/** The front matter of a document: the sidecar, completed by what ingest found. */
import {createHash} from 'node:crypto'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {visitParents} from 'unist-util-visit-parents'
import {parse as parseToml, TomlError} from 'smol-toml'
import YAML, {YAMLError} from 'yaml'
import {detectLanguage} from './language.js'
import {transliterate} from './transliterate.js'
import {report} from './rules.js'
import type {DocumentCounts, DocumentMeta, NoteConvention, SourceInput} from '../shared/types/document.js'
import {directive, isRemoved, isTextDirective} from '../shared/annotations.js'

export interface Findings {
  convention: NoteConvention
  truncated: boolean
  /** Authors named in the text (a metadata line, Project Gutenberg's catalogue fields). */
  authors?: string[]
  /** A title the source's frame gives (Project Gutenberg's `Title:`). */
  title?: string
  /** First line of the text, the title of last resort. */
  firstLine: string
}

export function buildMeta(input: SourceInput, tree: Root, findings: Findings, file: VFile): DocumentMeta {
  const matter = frontMatterOf(tree, file)
  // The sidecar wins field by field; the Markdown's own front matter fills what it leaves open.
  const sidecar = matter ? {...matter.fields, ...definedFields(input.sidecar)} : input.sidecar
  // The first line of a front matter block (`title: …`) is no title of the work.
  if (matter?.lines.has(findings.firstLine)) findings = {...findings, firstLine: ''}
  if (!input.sidecar && !input.sidecarInvalid) reportSidecarMissing(input.path, file)
  const inferred: string[] = []
  const infer = <T>(field: string, given: T | undefined, guess: () => T): T => {
    if (given !== undefined) return given
    inferred.push(field)
    return guess()
  }
  const meta: DocumentMeta = {
    slug: infer('slug', sidecar?.slug, () => slugOf(input.path)),
    title: infer('title', sidecar?.title, () => shortened(findings.title ?? titleOf(tree) ?? (isTitleLike(findings.firstLine) ? findings.firstLine : titleFromPath(input.path)))),
    authors: infer('authors', sidecar?.authors, () => {
      if (findings.authors) return findings.authors
      const author = bylineOf(findings.firstLine)
      return author ? [author] : []
    }),
    kind: infer('kind', sidecar?.kind, () => 'other' as const),
    language: infer('language', sidecar?.language, () => detectLanguage(toString(tree))),
    source: input.path,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    convention: findings.convention,
    truncated: findings.truncated,
    counts: countsOf(tree)
  }
  if (sidecar?.shortTitle !== undefined) meta.shortTitle = sidecar.shortTitle
  if (sidecar?.date !== undefined) meta.date = sidecar.date
  if (sidecar?.publication !== undefined) meta.publication = sidecar.publication
  if (sidecar?.rights !== undefined) meta.rights = sidecar.rights
  if (sidecar?.sic !== undefined) meta.sic = sidecar.sic
  if (inferred.length > 0) meta.inferred = inferred
  return meta
}

/** The fields of a sidecar that are set (a field set to `undefined` does not hide front matter's). */
function definedFields(sidecar: SourceInput['sidecar']): Partial<NonNullable<SourceInput['sidecar']>> {
  return Object.fromEntries(Object.entries(sidecar ?? {}).filter(([, value]) => value !== undefined))
}

interface FrontMatter {
  fields: {title?: string; authors?: string[]; date?: string; language?: string}
  /** Its lines, trimmed. */
  lines: Set<string>
}

/**
 * The metadata of a Markdown source's YAML (or TOML) front matter (kept in the tree as removed text):
 * `title`, `author` or `authors` (a name, a list of names, or pandoc's list of `{name: …}`),
 * `date`, `lang` or `language`. Anything else in it stays removed text only. Front matter that
 * cannot be read is reported where it fails, and the metadata inferred.
 */
function frontMatterOf(tree: Root, file: VFile): FrontMatter | undefined {
  const first = tree.children.find((node) => isRemoved(node))
  if (first?.type !== 'containerDirective' || first.attributes?.rule !== 'front-matter') return undefined
  const code = first.children.find((node) => node.type === 'code')
  if (code?.type !== 'code') return undefined
  const lines = new Set(code.value.split('\n').map((line) => line.trim()))
  let data: unknown
  try {
    data = code.lang === 'toml' ? parseToml(code.value) : YAML.parse(code.value)
  } catch (error) {
    // The block opens on the file's first line, behind its fence (`---`, `+++`).
    const at = error instanceof TomlError ? {line: error.line, column: error.column} : error instanceof YAMLError && error.linePos ? {line: error.linePos[0].line, column: error.linePos[0].col} : undefined
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.replace(/\s+at line \d+.*$/, '') ?? ''
    report(file, 'front-matter-unreadable', `Unexpected ${code.lang === 'toml' ? 'TOML' : 'YAML'} front matter that cannot be read (${reason}); the title, authors and date were inferred`, at ? {line: at.line + 1, column: at.column} : {line: 1, column: 1})
    return {fields: {}, lines}
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {fields: {}, lines}
  const record = data as Record<string, unknown>
  const fields: FrontMatter['fields'] = {}
  const title = scalarOf(record.title)
  if (title) fields.title = title
  const authors = namesOf(record.author ?? record.authors)
  if (authors.length > 0) fields.authors = authors
  const date = record.date instanceof Date ? record.date.toISOString().slice(0, 10) : scalarOf(record.date)
  if (date) fields.date = date
  const language = scalarOf(record.lang ?? record.language)
  if (language) fields.language = language
  return {fields, lines}
}

function scalarOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value).replace(/\s+/g, ' ').trim()
  return text === '' ? undefined : text
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list.flatMap((entry) => {
    const name = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? scalarOf((entry as Record<string, unknown>).name) : scalarOf(entry)
    return name ? [name] : []
  })
}

export function reportSidecarMissing(path: string, file: VFile): void {
  report(file, 'sidecar-missing', 'Unexpected source without a sidecar, expected `' + path.replace(/\.[^./]+$/, '.yml') + '`; metadata was inferred')
}

/** `sources/000_Some Name.txt` → `000-some-name`. */
export function slugOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path
  const slug = transliterate(base.replace(/\.[^.]+$/, '')).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return slug === '' ? 'document' : slug
}

/**
 * Longest inferred title, in characters. A source whose first line is a whole paragraph would
 * otherwise carry it into every page head, running head and "cited in" list.
 */
const maxTitleLength = 160

/** A title of at most `maxTitleLength` characters, cut at a word boundary (the text keeps it whole). */
function shortened(title: string): string {
  const characters = [...title.replace(/\s+/g, ' ').trim()]
  if (characters.length <= maxTitleLength) return characters.join('')
  const cut = characters.slice(0, maxTitleLength).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > maxTitleLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}

/** Blocks at the top of a text where its title may stand. */
const titleWindow = 12

/** The first heading near the top that can be a title (not a byline, a chapter number or a notes heading). */
function titleOf(tree: Root): string | undefined {
  let title: string | undefined
  let blocks = 0
  visitParents(tree, (node, ancestors) => {
    if (title !== undefined || blocks > titleWindow) return 'skip'
    if (ancestors.length === 1) blocks++
    if (node.type !== 'heading') return undefined
    const text = toString(node).replace(/\s+/g, ' ').trim()
    if (isTitleLike(text)) title = text
    return 'skip'
  })
  return title
}

/** Lines that name no work: bylines, dates, chapter or part numbers alone, notes headings, page separators. */
const notATitle = [
  /^(?:by|von|par|di|door|por)\s+\p{Lu}/iu,
  /^(?:chapter|chapitre|kapitel|capitolo|cap[ií]tulo|part|partie|teil|book|livre|buch|section)\s+(?:[\dIVXLCDM]+|[a-z]+)\.?$/iu,
  /^(?:notes?|footnotes|endnotes|anmerkungen|contents|table of contents|introduction|preface|abstract)\s*:?$/iu,
  /^[\d\s./-]+$/u,
  /^-{3,}/u
]

/** The name of a byline (`By Margaret Hale`): two to five capitalized words, no sentence. */
function bylineOf(line: string): string | undefined {
  const match = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Dd]i|[Dd]oor|[Pp]or)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}\p{Lu}[\p{L}'’-]+)\s*$/u.exec(line.trim())
  return match?.[1]
}

/** Whether a line can stand as a title: a short line of words that is none of the above. */
function isTitleLike(line: string): boolean {
  const text = line.trim()
  if (text === '' || [...text].length > 200 || !/\p{L}{2}/u.test(text)) return false
  return !notATitle.some((pattern) => pattern.test(text))
}

/** `sources/000_some-name.txt` → `Some name`: the title of last resort (a sidecar gives the real one). */
function titleFromPath(path: string): string {
  const base = (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]+$/, '').replace(/^\d+[_-]+/, '').replace(/[_-]+/g, ' ').trim()
  return base === '' ? slugOf(path) : base.charAt(0).toUpperCase() + base.slice(1)
}

function countsOf(tree: Root): DocumentCounts {
  const emendations: Record<string, number> = {}
  const removed: Record<string, number> = {}
  let notes = 0
  let paragraphs = 0
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'footnoteDefinition') {
      notes++
      return 'skip'
    }
    if (isRemoved(node)) {
      const rule = String(node.attributes?.rule ?? 'unknown')
      removed[rule] = (removed[rule] ?? 0) + (node.type === 'containerDirective' ? node.children.length : 1)
      return 'skip'
    }
    if (node.type === 'paragraph' && ancestors.length > 0) paragraphs++
  })
  visit(tree, (node) => {
    if (!isTextDirective(node, directive.emend)) return
    const rule = String(node.attributes?.rule ?? 'unknown')
    emendations[rule] = (emendations[rule] ?? 0) + 1
  })
  return {notes, paragraphs, emendations: sorted(emendations), removed: sorted(removed)}
}

function sorted(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
