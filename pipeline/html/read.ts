/**
 * The annotated Markdown as the renderers read it: with the pivot's processor (pipeline/markdown),
 * lightened per document. micromark tries GFM's email autolink literal at every letter and its
 * table at every line, most of its time on prose, yet a construct cannot match without the
 * characters it is made of: an email autolink needs `@`, a table `|` or a delimiter cell with
 * a colon (`:-`, `-:`), and no literal autolink (nor the search for them in the tree's text,
 * where character references are decoded) can be found without `@`, `www`, `http` or `&`. A
 * document without them is read by the same processor without those constructs, which gives
 * the same tree.
 */
import type {Nodes, Root} from 'mdast'
import type {Data} from 'unified'
import {VFile} from 'vfile'
import YAML from 'yaml'
import {parseInParts} from '../markdown/chunks.js'
import {annotatedMarkdown, parseDocument} from '../markdown/index.js'
import type {DocumentMeta} from '../types/document.js'

type MicromarkExtension = NonNullable<Data['micromarkExtensions']>[number]
type ConstructRecord = NonNullable<MicromarkExtension['text']>
type FromMarkdownExtension = NonNullable<Data['fromMarkdownExtensions']>[number]

const constructFields = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const

/**
 * What a document without any of their characters never holds: micromark constructs by name,
 * and the mdast extension that compiles a token type (with its transforms). `possible` is
 * given the document's text and its inline text (see `inlineText`); when a feature left out
 * has `check`, a document whose tree has a text matching it is read again with the feature
 * (see `readDocument`).
 */
interface Optional {
  constructs: string[]
  token?: string
  possible: (text: string, inline: string) => boolean
  check?: RegExp
}

const optional: readonly Optional[] = [
  {constructs: ['emailAutolink'], possible: (_, inline) => inline.includes('@'), check: /@/},
  {constructs: ['table'], possible: (text) => text.includes('|') || text.includes(':-') || text.includes('-:')},
  // A character reference may stand for any of them in the tree's text.
  {constructs: ['emailAutolink', 'wwwAutolink', 'protocolAutolink'], token: 'literalAutolink', possible: (_, inline) => /@|www|http|&[#A-Za-z]/i.test(inline), check: /@|www|http/i}
]

/**
 * CommonMark autolinks (`<https://…>`, `<name@host.org>`), not after a backslash, as micromark
 * reads them (an email's local part has no `!`), without the characters that can end a
 * construct begun before the `<` (a code span, a link's destination or title, a directive's
 * label or attributes, a footnote call, a table cell): such a `<` is no autolink, and the rest
 * after that end is text. An autolink is one token, whose characters no other inline
 * construct sees.
 */
const angleAutolink = /(?<!\\)<(?:[A-Za-z][A-Za-z\d+.-]{1,31}:[^\0- <>\x7f`"')\]}|]*|[\w.#$%&*+/=?^{~-]+@[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?)*)>/g

/**
 * The text where inline constructs may start: without the autolinks (an address in brackets
 * is the usual way to write one, and one `@` would otherwise turn the email literal on for the
 * whole document). Tables are looked for in the whole text: a table row splits at a `|`
 * before its cells are read.
 */
export function inlineText(text: string): string {
  return text.includes('<') ? text.replace(angleAutolink, ' ') : text
}

/**
 * Whether a text of the tree (character references decoded) matches `pattern`; with
 * `outsideLinks`, not the texts of links. A literal autolink is never made in a link's text
 * (micromark starts none after an open `[` or inside an autolink, the transform leaves links
 * alone), but a link may be the transform's own when only the email construct is left out.
 */
function hasText(node: Nodes, pattern: RegExp, outsideLinks: boolean): boolean {
  if (node.type === 'text') return pattern.test(node.value)
  if (outsideLinks && (node.type === 'link' || node.type === 'linkReference')) return false
  return 'children' in node && node.children.some((child) => hasText(child, pattern, outsideLinks))
}

const processors = new Map<string, ReturnType<typeof annotatedMarkdown>>()

/**
 * Read a document: its tree without the front matter, its metadata, its file (for diagnostics).
 * `known` is the metadata the build wrote the front matter from, which then need not be read again.
 */
export function readDocument(text: string, path?: string, known?: DocumentMeta): {meta: DocumentMeta; tree: Root; file: VFile} {
  const inline = inlineText(text)
  let features = optional.filter((feature) => !feature.possible(text, inline))
  let {tree, file} = parseWithout(features, text, path)
  // The look at the source is quick; the tree is sure. A literal autolink is made of what the
  // tree's text would still show without it.
  const transformed = !features.some((feature) => feature.token === 'literalAutolink')
  const unsure = features.filter((feature) => feature.check && hasText(tree, feature.check, !transformed))
  if (unsure.length > 0) {
    features = features.filter((feature) => !unsure.includes(feature))
    ;({tree, file} = parseWithout(features, text, path))
  }
  const first = tree.children[0]
  const meta = first?.type === 'yaml' ? (known ?? (YAML.parse(first.value) as DocumentMeta | null)) : undefined
  // Without front matter the pivot's reader fails the file; its message is the one to give.
  if (!first || first.type !== 'yaml' || !meta) return parseDocument(text, path)
  tree.children.shift()
  return {meta, tree, file}
}

function parseWithout(features: readonly Optional[], text: string, path: string | undefined): {tree: Root; file: VFile} {
  const processor = processorWithout(features)
  const file = new VFile({value: text, path})
  const tree = parseInParts(text, (part) => processor.parse(part))
  processor.runSync(tree, file)
  return {tree, file}
}

/** The pivot's processor without `features`, made once. */
function processorWithout(features: readonly Optional[]): ReturnType<typeof annotatedMarkdown> {
  const key = features.map((feature) => optional.indexOf(feature)).join(',')
  let processor = processors.get(key)
  if (!processor) {
    const constructs = new Set(features.flatMap((feature) => feature.constructs))
    const tokens = new Set(features.flatMap((feature) => (feature.token ? [feature.token] : [])))
    processor = annotatedMarkdown()
      .use(function () {
        const data = this.data()
        data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => withoutConstructs(extension, constructs))
        data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((extension) => withoutCompilers(extension, tokens))
      })
      .freeze()
    processors.set(key, processor)
  }
  return processor
}

function withoutCompilers(extension: FromMarkdownExtension, tokens: ReadonlySet<string>): FromMarkdownExtension {
  if (!Array.isArray(extension)) return withoutCompilers([extension], tokens)
  return extension.filter((part) => !Object.keys(part.enter ?? {}).some((token) => tokens.has(token)))
}

function withoutConstructs(extension: MicromarkExtension, names: ReadonlySet<string>): MicromarkExtension {
  if (names.size === 0) return extension
  const result: MicromarkExtension = {...extension}
  for (const field of constructFields) {
    const record = extension[field]
    if (!record) continue
    const kept: ConstructRecord = {}
    for (const [code, value] of Object.entries(record)) {
      const constructs = (Array.isArray(value) ? value : value ? [value] : []).filter((construct) => !names.has(construct.name ?? ''))
      if (constructs.length > 0) kept[code] = constructs
    }
    result[field] = kept
  }
  return result
}
