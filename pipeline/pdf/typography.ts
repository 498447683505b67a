/**
 * Typesetting of the print document's text, done on its hast before Chromium lays it out:
 * spaces doubled in the source (a Word export's no-break space and space) are collapsed, and
 * words get soft hyphens where their language's hyphenation patterns allow a break. Chromium
 * hyphenates only with dictionaries it downloads at run time, which a headless Chromium from a
 * distribution does not have, so `hyphens: auto` would break no word.
 *
 * Only what is printed changes: the Markdown, the HTML edition and the exports keep the text as
 * it is, and templates/pdf/paginate.js takes out, once the pages are laid out, every soft hyphen
 * where no line broke (the PDF's text then has the words whole).
 */
import {createRequire} from 'node:module'
import type {Element, ElementContent, Text} from 'hast'

/** Elements whose text starts a run of its own: what comes before and after is no neighbour. */
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
])
/** Classes of inline elements that are blocks in print: notes (floated to the foot of the page) and their paragraphs. */
const blockClasses = new Set(['note', 'nb', 'nb-lead'])
/** Text printed as written: code, and headings and labels, which are not justified. */
const literalTags = new Set(['code', 'kbd', 'pre', 'samp', 'script', 'style'])
const unhyphenatedTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/** Running heads, note numbers and calls, the apparatus (a reading is quoted as it stands), the contents. */
const unhyphenatedClasses = new Set(['running-title', 'running-author', 'note-number', 'note-call', 'apparatus', 'toc', 'chapter-head'])

function classes(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

function isBlock(element: Element): boolean {
  return blockTags.has(element.tagName) || classes(element).some((name) => blockClasses.has(name))
}

/** A text node with what applies to it. */
interface Run {
  node: Text
  /** BCP 47 tag of the nearest `lang`, or '' for none. */
  language: string
  hyphenate: boolean
}

/**
 * The text nodes of `element` in reading order, grouped in runs: a run is the inline text of
 * one block, without the blocks inside it (each of which is a run of its own).
 */
function textRuns(element: Element, language: string): Run[][] {
  const runs: Run[][] = []
  const visit = (node: Element, current: Run[], language: string, hyphenate: boolean): void => {
    for (const child of node.children) {
      if (child.type === 'text') current.push({node: child, language, hyphenate})
      if (child.type !== 'element' || literalTags.has(child.tagName)) continue
      const lang = typeof child.properties.lang === 'string' ? child.properties.lang : language
      const inner = hyphenate && !unhyphenatedTags.has(child.tagName) && !classes(child).some((name) => unhyphenatedClasses.has(name))
      if (isBlock(child)) {
        const own: Run[] = []
        runs.push(own)
        visit(child, own, lang, inner)
      } else {
        visit(child, current, lang, inner)
      }
    }
  }
  const top: Run[] = []
  runs.push(top)
  visit(element, top, typeof element.properties.lang === 'string' ? element.properties.lang : language, !literalTags.has(element.tagName))
  return runs.filter((run) => run.length > 0)
}

/** Spaces that do not break a line. */
const noBreak = /^[\u00a0\u202f\u2007]+$/

/** One space for a run of spaces: a breaking one if any of them breaks, else a no-break space. */
function oneSpace(spaces: string): string {
  return noBreak.test(spaces) ? spaces.charAt(0) : ' '
}

/**
 * Collapse doubled spaces in a run: `a\u00a0 b` (a sentence space typed as a no-break space and
 * a space) prints as `a b`. A run of spaces split over two text nodes becomes one, in the first.
 */
function collapseRun(run: Run[]): void {
  let previous: Text | undefined
  for (const {node} of run) {
    node.value = node.value.replace(/[\s\u00a0\u202f\u2007]{2,}/g, oneSpace)
    const lead = /^[\s\u00a0\u202f\u2007]+/.exec(node.value)?.[0]
    const trail = previous ? /[\s\u00a0\u202f\u2007]+$/.exec(previous.value)?.[0] : undefined
    if (previous && lead && trail) {
      previous.value = previous.value.slice(0, -trail.length) + oneSpace(trail + lead)
      node.value = node.value.slice(lead.length)
    }
    if (node.value !== '') previous = node
  }
}

/** Hyphenates one word (soft hyphens at its breaks), or leaves it. */
export type Hyphenator = (word: string) => string

const require = createRequire(import.meta.url)
const hyphenators = new Map<string, Hyphenator | undefined>()
/** Letters kept together at the start and at the end of a word (TeX's English minima). */
const leftMin = 2
const rightMin = 3
/**
 * Words shorter than this are never broken: with seven, no more than three lines in a row of
 * the seeds end in a hyphen, and one line in six does (one in eight with six letters and three
 * at each end; five in a row with six letters and these minima).
 */
const minWordLength = 7

/** Keep the soft hyphens that leave `leftMin` letters before them and `rightMin` after. */
function withMinima(hyphenated: string): string {
  const parts = hyphenated.split('\u00ad')
  let out = ''
  let before = 0
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  parts.forEach((part, index) => {
    if (index > 0 && before >= leftMin && total - before >= rightMin) out += '\u00ad'
    out += part
    before += part.length
  })
  return out
}

/**
 * The hyphenator for a BCP 47 tag from the `hyphen` package's patterns (TeX's, from CTAN):
 * `en-GB` takes `en-gb`, else `en`; undefined when it has none for the language.
 */
export function hyphenatorFor(language: string): Hyphenator | undefined {
  const tag = language.toLowerCase()
  if (hyphenators.has(tag)) return hyphenators.get(tag)
  let found: Hyphenator | undefined
  const subtags = tag.split('-')
  for (let count = subtags.length; count > 0 && !found; count--) {
    const candidate = subtags.slice(0, count).join('-')
    if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/.test(candidate)) continue
    try {
      const loaded: unknown = require(`hyphen/${candidate}`)
      const hyphenate = typeof loaded === 'object' && loaded !== null && 'hyphenateSync' in loaded ? loaded.hyphenateSync : undefined
      if (typeof hyphenate === 'function') {
        found = (word) => {
          const result: unknown = hyphenate(word, {minWordLength})
          return typeof result === 'string' ? withMinima(result) : word
        }
      }
    } catch {
      // No patterns for this tag: try the shorter one.
    }
  }
  hyphenators.set(tag, found)
  return found
}

/** A word to hyphenate: lower-case letters (an apostrophe inside). */
const plainWord = /^\p{Ll}[\p{Ll}\p{M}]*(?:['’]\p{Ll}+)?$/u
/** The same with an initial capital. */
const capitalizedWord = /^\p{Lu}\p{Ll}[\p{Ll}\p{M}]*(?:['’]\p{Ll}+)?$/u
/**
 * Languages that capitalize their nouns, whose capitalized words are hyphenated too. Elsewhere a
 * capitalized word is left whole: often a name from another language, which the patterns of the
 * text's language break wrongly ("Py-ongyang").
 */
const capitalizedNouns = new Set(['de', 'gsw', 'lb'])

/**
 * Soft hyphens in the words of a run. A word is what stands between spaces, less the
 * punctuation around it; words that carry digits, slashes, dots, hyphens or capitals inside
 * (numbers, addresses, compounds, abbreviations) are left whole, as is a word that runs on into
 * the next text node.
 */
function hyphenateRun(run: Run[], fallback: string): void {
  // The block's last word stays whole: a paragraph does not end on the stub of a word.
  const last = run.findLastIndex(({node}) => /[^\s\u00a0\u202f\u2007]/.test(node.value))
  run.forEach(({node, language, hyphenate}, index) => {
    if (!hyphenate) return
    const hyphenator = hyphenatorFor(language || fallback)
    if (!hyphenator) return
    const nouns = capitalizedNouns.has((language || fallback).toLowerCase().split('-')[0] ?? '')
    const before = index > 0 ? run[index - 1]?.node.value.at(-1) ?? ' ' : ' '
    const after = run[index + 1]?.node.value.charAt(0) ?? ' '
    const value = node.value
    const final = index === last ? value.search(/[^\s\u00a0\u202f\u2007]+[\s\u00a0\u202f\u2007]*$/) : -1
    node.value = value.replace(/[^\s\u00a0\u202f\u2007]+/g, (token, offset: number) => {
      const glued = (offset === 0 && !/\s/.test(before)) || (offset + token.length === value.length && after !== '' && !/\s/.test(after))
      if (glued || offset === final) return token
      const match = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/u.exec(token)
      const [, lead = '', word = '', trail = ''] = match ?? []
      if (word.length < minWordLength || !(plainWord.test(word) || (nouns && capitalizedWord.test(word)))) return token
      return lead + hyphenator(word) + trail
    })
  })
}

export interface TypographyOptions {
  /** Language of text without a `lang` around it (default: `en`). */
  language?: string
  /** Insert soft hyphens (default: true). */
  hyphenate?: boolean
}

const emptyOptions: TypographyOptions = {}

/** Typeset the text of `element` in place: doubled spaces collapsed, words hyphenated by their language. */
export function typeset(element: Element, options: TypographyOptions = emptyOptions): void {
  const fallback = options.language ?? 'en'
  for (const run of textRuns(element, '')) {
    collapseRun(run)
    if (options.hyphenate ?? true) hyphenateRun(run, fallback)
  }
}

/** Typeset a list of nodes (such as an introduction) as children of one block. */
export function typesetAll(nodes: ElementContent[], options: TypographyOptions = emptyOptions): void {
  typeset({type: 'element', tagName: 'div', properties: {}, children: nodes}, options)
}
