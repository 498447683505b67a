/**
 * The annotated Markdown pivot: how a document's tree and metadata become text, and back.
 * GFM footnotes, remark-directive annotations, YAML front matter; pandoc-readable.
 */
import type {Paragraph, Parents, PhrasingContent, Root, RootContent} from 'mdast'
import type {Node} from 'unist'
import {directiveToMarkdown, type TextDirective} from 'mdast-util-directive'
import type {Handle, Info, State} from 'mdast-util-to-markdown'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify, {type Options as StringifyOptions} from 'remark-stringify'
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import YAML from 'yaml'
import type {DocumentMeta} from '../shared/types/document.js'
import {parseInParts} from './chunks.js'
import {remarkFootnoteLabelSet} from './footnote-labels.js'

const directiveHandlers = directiveToMarkdown().handlers ?? {}
const writeTextDirective = directiveHandlers.textDirective as Handle

/**
 * A text directive whose attributes keep their line ends as character references. The
 * directive extension writes them raw in a text directive's quoted values, where a blank line
 * (a YAML block scalar's `reason`) ends the paragraph, and a line such as `# …` or `---` starts
 * another block: the directive no longer parses and its attributes leak into the text.
 * `&#xA;` reads back as the line end (attribute values are decoded).
 */
export function textDirectiveHandler(node: TextDirective, parent: Parents | undefined, state: State, info: Info): string {
  const attributes = node.attributes ?? {}
  const multiline = Object.values(attributes).some((value) => typeof value === 'string' && /[\n\r]/.test(value))
  const written = writeTextDirective(node, parent, state, info)
  if (!multiline) return written
  // The same attributes alone (`:` and them: no name, no label), which `written` ends with.
  const alone = writeTextDirective({...node, name: '', children: []}, parent, state, info).slice(1)
  if (!written.endsWith(alone)) return written
  return written.slice(0, written.length - alone.length) + alone.replace(/\r/g, '&#xD;').replace(/\n/g, '&#xA;')
}

/** Serialization settings: fixed, so output is stable and round-trips. */
export const stringifyOptions: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  incrementListMarker: true,
  listItemIndent: 'one',
  rule: '-',
  tightDefinitions: true,
  // `[^1]:` at the start of a line reads back as a note definition, not a call and a colon.
  unsafe: [{character: ':', beforeNode: 'footnoteReference', inConstruct: 'phrasing'}],
  handlers: {textDirective: textDirectiveHandler}
}

/** A processor that reads and writes annotated Markdown (`settings`: the default `stringifyOptions`). */
export function annotatedMarkdown(settings: StringifyOptions = stringifyOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFootnoteLabelSet)
    .use(remarkDirective)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, settings)
}

const processor = annotatedMarkdown().freeze()

/** Front matter keys in the order they are written. */
const metaOrder: Array<keyof DocumentMeta> = [
  'title', 'shortTitle', 'slug', 'authors', 'date', 'publication', 'kind', 'rights', 'language',
  'truncated', 'source', 'sha256', 'convention', 'counts', 'inferred', 'sic'
]

function orderedMeta(meta: DocumentMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of metaOrder) {
    const value = meta[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/** Write a document (metadata + body tree without front matter) as annotated Markdown. */
export function stringifyDocument(meta: DocumentMeta, tree: Root): string {
  const yaml = YAML.stringify(orderedMeta(meta), {lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN'}).trimEnd()
  const children: RootContent[] = [{type: 'yaml', value: yaml}, ...tree.children]
  return processor.stringify({type: 'root', children})
}

declare module 'vfile' {
  interface DataMap {
    /** The document's metadata (its front matter), set by ingest when the source is text. */
    meta: DocumentMeta
  }
}

/**
 * The annotated Markdown writer as a unified compiler: the body tree with the metadata in
 * `file.data.meta` as its front matter (`stringifyDocument`); a file without metadata fails.
 */
export const apparatusMarkdown: Plugin<[], Root, string> = function () {
  this.compiler = (tree, file) => {
    const meta = file.data.meta
    if (!meta || !isRoot(tree)) return file.fail('Unexpected document without metadata, expected one that ingest read', {ruleId: 'missing-front-matter', source: 'apparatus'})
    return stringifyDocument(meta, tree)
  }
}

function isRoot(node: Node): node is Root {
  return node.type === 'root'
}

/**
 * Read annotated Markdown into its metadata and body tree (front matter node removed).
 * `known` is the metadata the build wrote the front matter from, which then is not read again.
 */
export function parseDocument(text: string, path?: string, known?: DocumentMeta): {meta: DocumentMeta; tree: Root; file: VFile} {
  const file = new VFile({value: text, path})
  const tree = processor.runSync(parseInParts(text, (part) => processor.parse(part)), file) as Root
  const first = tree.children[0]
  if (!first || first.type !== 'yaml') return file.fail('Unexpected annotated Markdown without front matter, expected a YAML block', {ruleId: 'missing-front-matter', source: 'apparatus'})
  tree.children.shift()
  return {meta: known ?? (YAML.parse(first.value) as DocumentMeta), tree, file}
}

/** Parse Markdown text to an mdast tree with the same extensions (no front matter handling). */
export function parseMarkdown(text: string): Root {
  return processor.runSync(parseInParts(text, (part) => processor.parse(part))) as Root
}

const sourceProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFootnoteLabelSet).use(remarkFrontmatter, ['yaml']).freeze()

/**
 * Parse a Markdown *source*: GFM and front matter, without the directive extension. Directives
 * are Apparatus's annotations, written only into its own output: in a source, `:emend[…]{…}`,
 * `:::removed` or `width:725px` are text, which the serializer escapes where they would read
 * back as a directive.
 */
export function parseSourceMarkdown(text: string): Root {
  return sourceProcessor.runSync(parseInParts(text, (part) => sourceProcessor.parse(part))) as Root
}

/** Serialize an mdast tree with the edition's settings. */
export function stringifyMarkdown(tree: Root): string {
  return processor.stringify(tree)
}

/** What `eachParagraph` wrote for the root it was given. */
const written = new WeakMap<Root, string[]>()

/**
 * A root handler that writes each child as if it were the only child of its root (what the
 * default handler's `containerFlow` gives a root of one block), and keeps the results apart.
 */
function eachParagraph(node: Root, _: Parents | undefined, state: State): string {
  const results: string[] = []
  for (const child of node.children) {
    state.indexStack.push(0)
    results.push(state.handle(child, node, state, {before: '\n', after: '\n', now: {line: 1, column: 1}, lineShift: 0}))
    state.indexStack.pop()
  }
  written.set(node, results)
  return ''
}

const paragraphProcessor = annotatedMarkdown({...stringifyOptions, handlers: {...stringifyOptions.handlers, root: eachParagraph}}).freeze()

/**
 * Each run of phrasing as Markdown, trimmed: what `stringifyMarkdown` writes for a root with
 * one paragraph of it, but one pass of the serializer for all of them.
 */
export function stringifyPhrasing(runs: PhrasingContent[][]): string[] {
  const root: Root = {type: 'root', children: runs.map((children): Paragraph => ({type: 'paragraph', children}))}
  paragraphProcessor.stringify(root)
  return (written.get(root) ?? []).map((value) => value.trim())
}
