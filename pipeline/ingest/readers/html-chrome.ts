/**
 * Page chrome of a web copy: what the site puts around the work (navigation, the site's header
 * and footer, cookie banners, skip links, sidebars, Project Gutenberg's header and licence). Each rule is a test on an element and
 * the removal rule id it records in the apparatus; the first that fits names the element.
 */
import type {Element} from 'hast'
import {classesOf, idOf, stringProperty, textOf, walkElements, type Parent} from './html-dom.js'
import type {RemovalRule} from '../../shared/annotations.js'
import {endWords, olderEndWords, startWords} from '../repair/gutenberg.js'

export interface ChromeFound {
  element: Element
  parent: Parent
  rule: RemovalRule
}

interface ChromeContext {
  /** Inside `<article>` or `<main>`: a header or footer there belongs to the work. */
  inContent: boolean
  /** The page marks its content (`<main>`, `<article>`), so an aside outside it is the site's. */
  hasContent: boolean
}

interface ChromeRule {
  rule: RemovalRule
  test: (element: Element, context: ChromeContext) => boolean
}

const role = (element: Element): string => stringProperty(element, 'role')?.toLowerCase() ?? ''

/** Words in ids and classes that name consent banners (`cookie-notice`, `gdpr_banner`, `cc-window`). */
const consentName = /(?:^|[-_\s])(?:cookies?|consent|gdpr|cookielaw|cc-(?:window|banner))(?:[-_\s]|$)/i

/** A short block that asks to accept cookies. */
function asksForCookies(element: Element): boolean {
  if (!['div', 'section', 'aside', 'dialog', 'form'].includes(element.tagName)) return false
  const text = textOf(element)
  const words = text.split(' ').length
  return words <= 80 && /\bcookies?\b/i.test(text) && /\b(?:accept|agree|consent|allow|reject|decline)\b/i.test(text)
}

/** A `<header>` with the page's `<h1>` and no navigation is the work's own (title, byline). */
function headsTheWork(element: Element): boolean {
  let heading = false
  let navigation = false
  walkElements(element, (child) => {
    if (child.tagName === 'h1') heading = true
    if (child.tagName === 'nav' || role(child) === 'navigation') navigation = true
  })
  return heading && !navigation
}

const skipLink = /^skip (?:to|navigation|over)\b/i

/** Project Gutenberg's frame in its HTML eBooks: the header and footer sections, or the `<pre>` blocks of older files. */
const gutenbergStart = new RegExp(startWords, 'i')
const gutenbergEnd = new RegExp(`${endWords}|^${olderEndWords}`, 'i')
function gutenbergPart(element: Element, id: string, className: string, marker: RegExp): boolean {
  if (idOf(element) === id || classesOf(element).includes(className)) return true
  return element.tagName === 'pre' && marker.test(textOf(element).trim())
}

export const chromeRules: readonly ChromeRule[] = [
  {rule: 'gutenberg-header', test: (element) => gutenbergPart(element, 'pg-header', 'pgheader', gutenbergStart)},
  {rule: 'gutenberg-licence', test: (element) => gutenbergPart(element, 'pg-footer', 'pgfooter', gutenbergEnd)},
  {rule: 'cookie-banner', test: (element, context) => !context.inContent && (consentName.test(`${idOf(element) ?? ''} ${classesOf(element).join(' ')}`) || asksForCookies(element))},
  {rule: 'html-skip-link', test: (element) => element.tagName === 'a' && skipLink.test(textOf(element))},
  {rule: 'html-navigation', test: (element) => element.tagName === 'nav' || ['navigation', 'menubar', 'search'].includes(role(element))},
  {rule: 'html-site-header', test: (element, context) => !context.inContent && (role(element) === 'banner' || (element.tagName === 'header' && !headsTheWork(element)))},
  {rule: 'html-site-footer', test: (element, context) => !context.inContent && (element.tagName === 'footer' || role(element) === 'contentinfo')},
  {rule: 'html-sidebar', test: (element, context) => context.hasContent && !context.inContent && (element.tagName === 'aside' || role(element) === 'complementary')},
  {rule: 'html-dialog', test: (element) => element.tagName === 'dialog' || role(element) === 'dialog' || role(element) === 'alertdialog'}
]

const contentElements: ReadonlySet<string> = new Set(['article', 'main'])

/** The chrome of a page body, outermost elements only, in document order. */
export function findChrome(body: Element): ChromeFound[] {
  let hasContent = false
  walkElements(body, (element) => {
    if (contentElements.has(element.tagName) || role(element) === 'main') hasContent = true
  })
  const found: ChromeFound[] = []
  walkElements(body, (element, parent, ancestors) => {
    const inContent = ancestors.some((ancestor) => contentElements.has(ancestor.tagName) || role(ancestor) === 'main')
    const rule = chromeRules.find((candidate) => candidate.test(element, {inContent, hasContent}))
    if (!rule) return
    found.push({element, parent, rule: rule.rule})
    return 'skip'
  })
  return found
}
