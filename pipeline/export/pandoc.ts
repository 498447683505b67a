/**
 * pandoc-ready Markdown of a document, from its annotated Markdown: each citation a pandoc
 * citation (`[@key, 445–48]`; Ibid. and short forms carry their work's key, so a CSL style
 * writes them its own way) in a span that keeps the source's wording (`orig`), and the
 * apparatus as bracketed spans and fenced divs pandoc reads: `[l.]{.emend orig="1."
 * rule="ocr-folio"}`, `[]{.removed rule="…" orig="…"}`, `[]{.boundary …}`, `::: {.front-matter}`.
 * Removed artifacts render as nothing; their text is in `orig`. The text is escaped for
 * pandoc's Markdown, whose extensions read more than CommonMark (`@` citations, `$` math, `^`
 * and `~`, smart quotes and dashes, raw TeX after `\`, fancy list markers, definition lists),
 * so pandoc reads back the words of the edition, as they are.
 */
import type {Parents, Root, Text} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Handle, Info, State, Unsafe} from 'mdast-util-to-markdown'
import {toString} from 'mdast-util-to-string'
import YAML from 'yaml'
import {annotatedMarkdown, stringifyOptions} from '../markdown/index.js'
import {directive} from '../shared/annotations.js'
import type {DocumentMeta} from '../shared/types/document.js'
import type {LocatorLabel} from '../shared/types/citation.js'
import {printsItsCue} from '../shared/locator-cue.js'

export interface PandocOptions {
  /** Keys of the bibliography: a citation with another key (or none) stays text (default: every key is cited). */
  keys?: ReadonlySet<string>
}

const emptyOptions: PandocOptions = {}

/**
 * Locator labels as the CSL English locale names them, which pandoc reads before a locator;
 * a page needs none. Labels CSL has no term for are written as the locator's suffix.
 */
const locatorTerms: Partial<Record<LocatorLabel, string>> = {
  folio: 'fol.', chapter: 'chap.', section: 'sec.', paragraph: 'para.', volume: 'vol.', note: 'n.',
  line: 'l.', issue: 'no.', book: 'bk.', column: 'col.', figure: 'fig.', part: 'pt.'
}

/** Characters pandoc's Markdown reads as markup where CommonMark does not. */
const pandocUnsafe: Unsafe[] = [
  {character: '@', inConstruct: 'phrasing'},
  {character: '$', inConstruct: 'phrasing'},
  {character: '^', inConstruct: 'phrasing'},
  {character: '~', inConstruct: 'phrasing'},
  {character: '\\', inConstruct: 'phrasing'},
  {character: '{', inConstruct: 'phrasing'},
  {character: '|', inConstruct: 'phrasing'},
  // Smart punctuation: straight quotes, `--`, `---` and `...` stay as written.
  {character: '"', inConstruct: 'phrasing'},
  {character: "'", inConstruct: 'phrasing'},
  {character: '-', before: '-', inConstruct: 'phrasing'},
  {character: '.', after: '\\.\\.', inConstruct: 'phrasing'},
  // Definition lists and fenced divs (`:` at a line's start), fancy and example list markers.
  {atBreak: true, character: ':'},
  {atBreak: true, character: '(', after: '(?:[A-Za-z]|[ivxlcdmIVXLCDM]+|\\d+|#|@[\\w-]*)\\)'},
  {atBreak: true, before: '(?:[A-Za-z]|[ivxlcdmIVXLCDM]+|#)', character: '.', after: '(?:[ \\t]|$)'},
  {atBreak: true, before: '(?:[A-Za-z]|[ivxlcdmIVXLCDM]+|#)', character: ')', after: '(?:[ \\t]|$)'}
]

/** A value of a pandoc attribute: quoted, with what ends or breaks it as character references. */
function attributeValue(value: string): string {
  return `"${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\\/g, '&#92;').replace(/\r\n?|\n/g, '&#10;')}"`
}

/** `{.class name="value" …}`, attributes in the order given, empty ones left out. */
function attributes(className: string, values: Record<string, string | null | undefined>): string {
  const pairs = Object.entries(values).flatMap(([name, value]) => (value ? [` ${name}=${attributeValue(value)}`] : []))
  return `{.${className}${pairs.join('')}}`
}

/** A pandoc citation key: bare when pandoc reads it so, else in braces. */
function citationKey(key: string): string {
  return /^[\w][\w:.#$%&+?<>~/-]*\w$|^\w$/.test(key) ? `@${key}` : `@{${key}}`
}

/** Text pandoc reads as a citation's suffix, as it is (no markup, no locator term at its start). */
function suffixText(text: string): string {
  return text.replace(/[\\[\]*_@^~$`{}]/g, (character) => `\\${character}`)
}

/**
 * `, fol. 18-30`: a locator pandoc reads, and the page of the edition after it (`, p. 245`).
 * More than one number or range goes in braces with its term (`{fol. 18-30, 45}`: a term before
 * the braces is printed with them). A locator that prints its own cues is a suffix after an
 * empty locator (`@key{}, l. xliv, c. 17, p. 245`), so no term of the style is put before it.
 */
export function locatorPart(locator: string | null | undefined, label: string | null | undefined, page?: string | null): string {
  const pageTerm = page && (/[-–,&]/.test(page) ? 'pp.' : 'p.')
  if (!locator) return page ? `, {${pageTerm} ${page.replace(/[{}]/g, '')}}` : ''
  const pagePart = page ? `, ${pageTerm} ${suffixText(page)}` : ''
  if (label !== 'page' && printsItsCue(locator)) return `{}, ${suffixText(locator)}${pagePart}`
  const term = label && label !== 'page' ? locatorTerms[label as LocatorLabel] : undefined
  const simple = /^[\w.]+(?:[-–][\w.]+)?$/.test(locator)
  if (label && label !== 'page' && !term) return `, ${label} ${simple ? locator : suffixText(locator)}${pagePart}`
  const value = simple ? `${term ? `${term} ` : ''}${locator}` : `{${term ? `${term} ` : ''}${locator.replace(/[{}]/g, '')}}`
  return `, ${value}${pagePart}`
}

/** Label content as the link handler writes it: escaped for a `[…]`. */
function label(node: TextDirective, state: State, info: Info): string {
  const exit = state.enter('label')
  const tracker = state.createTracker(info)
  const value = tracker.move('[')
  const content = state.containerPhrasing(node, {before: value, after: ']', ...tracker.current()})
  exit()
  return `[${content}]`
}

function handlers(options: PandocOptions): Partial<Record<string, Handle>> {
  const textDirective = (node: TextDirective, _: Parents | undefined, state: State, info: Info): string => {
    const values = node.attributes ?? {}
    switch (node.name) {
      case directive.emend:
        return label(node, state, info) + attributes(directive.emend, {orig: values.orig ?? '', rule: values.rule, reason: values.reason})
      case directive.removed:
        return '[]' + attributes(directive.removed, {rule: values.rule, orig: toString(node)})
      case directive.boundary:
        return '[]' + attributes(directive.boundary, {change: values.change, note: values.note, rule: values.rule, reason: values.reason})
      case directive.cite: {
        const key = values.key
        if (!key || !(options.keys?.has(key) ?? true)) return label(node, state, info) + attributes(directive.cite, {})
        const citation = `[${citationKey(key)}${locatorPart(values.locator, values.label, values.page)}]`
        return `[${citation}]` + attributes(directive.cite, {text: toString(node), override: values.override, reason: values.reason})
      }
      default:
        return label(node, state, info)
    }
  }
  const containerDirective = (node: ContainerDirective, _: Parents | undefined, state: State, info: Info): string => {
    if (node.name === directive.removed) {
      const text = node.children.map((child) => toString(child)).join('\n\n')
      return `::: ${attributes(directive.removed, {rule: node.attributes?.rule, orig: text})}\n:::`
    }
    const content = state.containerFlow(node, info)
    return `::: {.${node.name.replace(/[^\w-]/g, '-')}}\n${content ? `${content}\n` : ''}:::`
  }
  const leafDirective = (node: LeafDirective, _: Parents | undefined, state: State, info: Info): string => state.containerPhrasing(node, info)
  // Raw HTML of a source is text in the edition: pandoc reads it as text too.
  const html = (node: {value: string}, _: Parents | undefined, state: State, info: Info): string => {
    const exit = state.enter('phrasing')
    const value = state.safe(node.value, info)
    exit()
    return value
  }
  return {textDirective, containerDirective, leafDirective, html} as Partial<Record<string, Handle>>
}

/** Front matter pandoc reads: its own keys (`author`, `lang`) and the edition's, each a Markdown string. */
function frontMatter(meta: DocumentMeta, inline: (text: string) => string): string {
  const fields: Record<string, unknown> = {
    title: inline(meta.title),
    author: meta.authors.map(inline),
    date: meta.date,
    lang: meta.language,
    publication: meta.publication && inline(meta.publication),
    rights: meta.rights && inline(meta.rights),
    slug: meta.slug,
    kind: meta.kind,
    source: meta.source && inline(meta.source)
  }
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''))
  return YAML.stringify(defined, {lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN'}).trimEnd()
}

/** pandoc Markdown of a document already read (`parseDocument`): its metadata and body tree. */
export function pandocOfDocument(document: {meta: DocumentMeta; tree: Root}, options: PandocOptions = emptyOptions): string {
  const processor = annotatedMarkdown({
    ...stringifyOptions,
    rule: '*',
    unsafe: [...(stringifyOptions.unsafe ?? []), ...pandocUnsafe],
    handlers: {...stringifyOptions.handlers, ...handlers(options)}
  })
  const inline = (text: string): string => {
    const node: Text = {type: 'text', value: text}
    return processor.stringify({type: 'root', children: [{type: 'paragraph', children: [node]}]}).trim()
  }
  const body = processor.stringify(document.tree)
  return `---\n${frontMatter(document.meta, inline)}\n---\n\n${body}`
}
