/**
 * Turn runs of spans into mdast phrasing content. Text is parsed as Markdown inline content
 * (the sources carry `*emphasis*` and `**strong**`), with every block construct, HTML and
 * character references disabled: `<script>` stays text, `1)` at a line start is not a list.
 * Non-text spans travel through the parser as placeholders `⟦run.span⟧`: brackets that are
 * Unicode punctuation, so emphasis closes before them and an autolink ends at them, as at a
 * printed note marker. All runs of a document are parsed in one pass (one paragraph each; a
 * second for those that need GFM), which is much faster than one parse per paragraph.
 */
import type {InlineCode, Link, Paragraph, PhrasingContent, Root, Text} from 'mdast'
import type {Extension} from 'micromark-util-types'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import type {Span} from './spans.js'
import {type Boundary, directive, editorialRule, type Emendation, type RemovedText} from '../shared/annotations.js'

/** Constructs that would read plain text as structure or markup it is not. */
const inlineOnly: Extension = {
  disable: {
    null: [
      'blockQuote', 'codeFenced', 'codeIndented', 'definition', 'headingAtx', 'headingSetext',
      'htmlFlow', 'htmlText', 'list', 'thematicBreak', 'characterReference', 'table',
      'gfmFootnoteDefinition', 'tasklistCheck'
    ]
  }
}

/** Add the extension above to remark-parse. */
function remarkInlineOnly(this: Processor): undefined {
  const data = this.data()
  const extensions = data.micromarkExtensions ?? (data.micromarkExtensions = [])
  extensions.push(inlineOnly)
}

/**
 * GFM as the annotated Markdown reads it (autolink literals such as `www.example.org` become
 * links there too), so the tree we build is the tree a reader of our output gets back.
 */
const gfmParser = unified().use(remarkParse).use(remarkGfm).use(remarkInlineOnly).freeze()

/**
 * Without GFM for runs that have none of its inline constructs (autolink literals, footnote
 * calls, strikethrough): the tree is the same, and the time stays linear in the run where GFM's
 * is not (a run of thousands of unclosed `[`, such as `:emend[` repeated, takes GFM twelve
 * times as long for four times the length).
 */
const commonmarkParser = unified().use(remarkParse).use(remarkInlineOnly).freeze()

/** What every GFM inline construct that is not disabled above needs. */
const gfmMarkup = /[~@]|www\.|:\/\/|\[\^/i

const placeholder = /\u27E6(\d+)\.(\d+)\u27E7/g
/** Characters we reserve; a source using them gets U+FFFD (reported by the caller). */
export const reservedCharacters = /[\u27E6\u27E7]/g

/** Phrasing content of each run, in order. */
export function phrasingAll(runs: ReadonlyArray<readonly Span[]>): PhrasingContent[][] {
  const sources = runs.map((spans, run) => {
    let source = ''
    spans.forEach((span, index) => {
      source += span.type === 'text' ? span.value.replace(reservedCharacters, '\uFFFD').replace(/\r\n?|\n/g, ' ') : `\u27E6${run}.${index}\u27E7`
    })
    return source
  })
  // A run of blanks makes no paragraph, and no content.
  const parse = sources.map((source) => !/^[ \t]*$/.test(source))
  const gfm = sources.map((source, index) => parse[index] === true && gfmMarkup.test(source))
  const gfmParagraphs = paragraphsOf(gfmParser, sources.filter((_, index) => gfm[index]))
  const commonmarkParagraphs = paragraphsOf(commonmarkParser, sources.filter((_, index) => parse[index] && !gfm[index]))
  let nextGfm = 0
  let nextCommonmark = 0
  return runs.map((_, index) => {
    if (!parse[index]) return []
    const paragraph = gfm[index] ? gfmParagraphs[nextGfm++] : commonmarkParagraphs[nextCommonmark++]
    return resolve(paragraph?.children ?? [], runs)
  })
}

/** One paragraph for each source, parsed in one pass. */
function paragraphsOf(parser: Processor<Root>, sources: string[]): Paragraph[] {
  if (sources.length === 0) return []
  return parser.parse(sources.join('\n\n')).children.filter((node): node is Paragraph => node.type === 'paragraph')
}

/** Told of a call put after the emended word it came right before. */
export type CallMoved = (call: Extract<Span, {type: 'ref'}>, word: Extract<Span, {type: 'emend'}>) => void

/**
 * A call that opens a line of a paragraph right before a directive reads back as a note
 * definition (`[^1]:emend[…]`), and a directive's colon has no escape. Marks that are not read
 * (removed text, boundary marks) stand at the same place before the call; an emended word goes
 * before it too, which moves the call, so `moved` hears of it.
 */
export function callsOffLineStarts(spans: readonly Span[], moved: CallMoved): readonly Span[] {
  let out: Span[] | undefined
  let opening = true
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]
    if (!span) continue
    if (opening && span.type === 'ref') {
      let end = index + 1
      while (isMark(spans[end])) end++
      const word = spans[end]
      if (end === index + 1 && word?.type === 'emend') {
        moved(span, word)
        end++
      }
      if (end > index + 1) {
        out ??= [...spans]
        out.splice(index, end - index, ...spans.slice(index + 1, end), span)
        index = end - 1
      }
    }
    // Blanks after a line start are not written; anything else keeps a call off the start.
    opening = span.type === 'break' || (opening && span.type === 'text' && span.value.trim() === '')
  }
  return out ?? spans
}

function isMark(span: Span | undefined): boolean {
  return span?.type === 'removed' || span?.type === 'boundary'
}

function resolve(nodes: PhrasingContent[], runs: ReadonlyArray<readonly Span[]>): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    delete node.position
    if (node.type === 'text' || node.type === 'inlineCode') out.push(...expand(node, runs))
    else if (node.type === 'link' && node.url.includes('\u27E6')) out.push(...cutLink(node, runs))
    else {
      if ('children' in node) node.children = resolveChildren(node.children, runs)
      out.push(node)
    }
  }
  return out
}

function resolveChildren<T extends PhrasingContent>(children: T[], runs: ReadonlyArray<readonly Span[]>): T[] {
  // Children of emphasis, strong, link and delete are phrasing content themselves.
  return resolve(children, runs) as T[]
}

/**
 * A GFM autolink literal runs on over a note marker (`www.example.org.[1]`): end the link at
 * the first placeholder and put the marker and what follows after it.
 */
function cutLink(node: Link, runs: ReadonlyArray<readonly Span[]>): PhrasingContent[] {
  const [child] = node.children
  const cut = child?.type === 'text' && node.children.length === 1 ? child.value.indexOf('\u27E6') : -1
  if (!child || child.type !== 'text' || cut === -1 || !node.url.endsWith(child.value)) {
    node.url = node.url.replace(placeholder, '')
    node.children = resolveChildren(node.children, runs)
    return [node]
  }
  const rest = expand({type: 'text', value: child.value.slice(cut)}, runs)
  if (cut === 0) return rest
  const url = node.url.slice(0, node.url.length - child.value.length + cut)
  return [{type: 'link', url, title: node.title, children: [{type: 'text', value: child.value.slice(0, cut)}]}, ...rest]
}

/** Split a literal node at placeholders and put the spans' nodes in their place. */
function expand(node: Text | InlineCode, runs: ReadonlyArray<readonly Span[]>): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let last = 0
  placeholder.lastIndex = 0
  let match: RegExpExecArray | null
  const literal = (value: string): PhrasingContent => (node.type === 'text' ? {type: 'text', value} : {type: 'inlineCode', value})
  while ((match = placeholder.exec(node.value))) {
    if (match.index > last) out.push(literal(node.value.slice(last, match.index)))
    const span = runs[Number(match[1])]?.[Number(match[2])]
    if (span) out.push(spanNode(span))
    last = match.index + match[0].length
  }
  if (last < node.value.length) out.push(literal(node.value.slice(last)))
  return out
}

function spanNode(span: Span): PhrasingContent {
  switch (span.type) {
    case 'ref':
      return {type: 'footnoteReference', identifier: span.label, label: span.label}
    case 'emend': {
      const attributes: Record<string, string> = {orig: span.orig, rule: span.rule}
      if (span.reason !== undefined) attributes.reason = span.reason
      // A deletion has no label: `:emend[]{…}` reads back without the empty text.
      const node: Emendation = {type: 'textDirective', name: directive.emend, attributes, children: span.corrected === '' ? [] : [{type: 'text', value: span.corrected}]}
      return node
    }
    case 'removed': {
      const node: RemovedText = {type: 'textDirective', name: directive.removed, attributes: {rule: span.rule}, children: [{type: 'text', value: span.value}]}
      return node
    }
    case 'boundary': {
      const node: Boundary = {type: 'textDirective', name: directive.boundary, attributes: {change: span.change, note: span.note, rule: editorialRule, reason: span.reason}, children: []}
      return node
    }
    case 'break':
      return {type: 'break'}
    case 'text':
      return {type: 'text', value: span.value}
  }
}
