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
import type {Root} from 'mdast'
import type {Data} from 'unified'
import {VFile} from 'vfile'
import YAML from 'yaml'
import {annotatedMarkdown, parseDocument} from '../markdown/index.js'
import type {DocumentMeta} from '../types/document.js'

type MicromarkExtension = NonNullable<Data['micromarkExtensions']>[number]
type ConstructRecord = NonNullable<MicromarkExtension['text']>
type FromMarkdownExtension = NonNullable<Data['fromMarkdownExtensions']>[number]

const constructFields = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const

/**
 * What a document without any of their characters never holds: micromark constructs by name,
 * and the mdast extension that compiles a token type (with its transforms). `possible` is
 * given the document's text and its inline text (see `inlineText`).
 */
const optional: ReadonlyArray<{constructs: string[]; token?: string; possible: (text: string, inline: string) => boolean}> = [
  {constructs: ['emailAutolink'], possible: (_, inline) => inline.includes('@')},
  {constructs: ['table'], possible: (text) => text.includes('|') || text.includes(':-') || text.includes('-:')},
  // A character reference may stand for any of them in the tree's text.
  {constructs: ['emailAutolink', 'wwwAutolink', 'protocolAutolink'], token: 'literalAutolink', possible: (_, inline) => /@|www|http|&[#A-Za-z]/i.test(inline)}
]

/**
 * CommonMark autolinks (`<https://…>`, `<name@host.org>`), not after a backslash: micromark
 * reads each as one token, whose characters no other inline construct sees, and the literal
 * autolinks of GFM are not looked for in a link's text.
 */
const angleAutolink = /(?<!\\)<(?:[A-Za-z][A-Za-z\d+.-]{1,31}:[^\0- <>\x7f]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?)*)>/g

/**
 * The text where inline constructs may start: without the autolinks (an address in brackets
 * is the usual way to write one, and one `@` would otherwise turn the email literal on for the
 * whole document). Tables are looked for in the whole text: a table row splits at a `|`
 * before its cells are read.
 */
function inlineText(text: string): string {
  return text.includes('<') ? text.replace(angleAutolink, ' ') : text
}

const processors = new Map<string, ReturnType<typeof annotatedMarkdown>>()

/**
 * Read a document: its tree without the front matter, its metadata, its file (for diagnostics).
 * `known` is the metadata the build wrote the front matter from, which then need not be read again.
 */
export function readDocument(text: string, path?: string, known?: DocumentMeta): {meta: DocumentMeta; tree: Root; file: VFile} {
  const inline = inlineText(text)
  const processor = processorWithout(optional.filter((feature) => !feature.possible(text, inline)))
  const file = new VFile({value: text, path})
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  const first = tree.children[0]
  const meta = first?.type === 'yaml' ? (known ?? (YAML.parse(first.value) as DocumentMeta | null)) : undefined
  // Without front matter the pivot's reader fails the file; its message is the one to give.
  if (!first || first.type !== 'yaml' || !meta) return parseDocument(text, path)
  tree.children.shift()
  return {meta, tree, file}
}

/** The pivot's processor without `features`, made once. */
function processorWithout(features: typeof optional): ReturnType<typeof annotatedMarkdown> {
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
