/**
 * The page shell every page of the HTML edition shares: head with the Content-Security-Policy,
 * the site header with navigation and search, the footer. Built as hast, serialized once.
 */
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import type {SiteContext} from '../../pipeline/html/views.js'

/** Only the site's own scripts, styles and fonts; no inline code, nothing from elsewhere. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'self'"
].join('; ')

export type Section = 'index' | 'bibliography' | 'archives' | 'search' | 'document'

export interface PageOptions {
  site: SiteContext
  /** Title of the page (the edition title is appended). */
  title: string
  /** Which part of the site the page belongs to (marks the navigation). */
  section: Section
  /** Local scripts, loaded deferred in this order. */
  scripts?: string[]
  /** Language of the page content when it differs from the edition's. */
  lang?: string
  /** Content of `<main>`. */
  content: ElementContent[]
  /** Show the search form in the header (default true). */
  headerSearch?: boolean
}

const navigation: ReadonlyArray<{section: Section; href: string; label: string}> = [
  {section: 'index', href: 'index.html#documents', label: 'Documents'},
  {section: 'bibliography', href: 'bibliography.html', label: 'Bibliography'},
  {section: 'archives', href: 'archives.html', label: 'Archival index'},
  {section: 'search', href: 'search.html', label: 'Search'}
]

export function page(options: PageOptions): Root {
  const {site} = options
  const title = options.section === 'index' ? site.edition.title : `${options.title} · ${site.edition.title}`
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: site.edition.language || 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'generator', content: 'Apparatus'}),
          h('meta', {name: 'color-scheme', content: 'light dark'}),
          h('title', title),
          h('link', {rel: 'icon', href: 'assets/favicon.svg', type: 'image/svg+xml'}),
          h('link', {rel: 'stylesheet', href: 'assets/screen.css'}),
          ...(options.scripts ?? []).map((src) => h('script', {src, defer: true}))
        ]),
        h('body', [
          h('a.skip-link', {href: '#main'}, 'Skip to content'),
          header(options),
          h('main', {id: 'main', lang: options.lang}, options.content),
          footer(site)
        ])
      ])
    ]
  }
}

function header(options: PageOptions): Element {
  return h('header.site-header', [
    h('nav.site-nav', {ariaLabel: 'Edition'}, [
      h('a.site-title', {href: 'index.html'}, options.site.edition.title),
      h('ul.site-links', navigation.map((item) =>
        h('li', h('a', {href: item.href, ariaCurrent: item.section === options.section ? 'page' : undefined}, item.label))
      )),
      options.headerSearch === false
        ? undefined
        : h('form.site-search', {action: 'search.html', method: 'get', role: 'search'}, [
          h('label.visually-hidden', {for: 'site-search-input'}, 'Search the edition'),
          h('input', {type: 'search', name: 'q', id: 'site-search-input', placeholder: 'Search'}),
          h('button', {type: 'submit'}, 'Go')
        ])
    ])
  ])
}

function footer(site: SiteContext): Element {
  const {edition, built} = site
  return h('footer.site-footer', [
    h('p', [
      h('cite', edition.title),
      edition.editors.length > 0 ? `, edited by ${joinWords(edition.editors)}` : '',
      edition.date ? ` (${edition.date})` : '',
      '.'
    ]),
    built ? h('p', ['Built from the sources on ', h('time', {dateTime: built.iso}, built.text), '.']) : undefined,
    h('p', 'Set in Source Serif 4 (SIL Open Font License). Reads without JavaScript; nothing is loaded from other sites.')
  ])
}

/** `A`, `A and B`, `A, B and C`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 2) return words.join(' and ')
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** Nodes separated by a text separator. */
export function joinNodes(groups: ReadonlyArray<ElementContent | string>, separator: string): Array<ElementContent | string> {
  return groups.flatMap((group, index) => (index === 0 ? [group] : [separator, group]))
}
