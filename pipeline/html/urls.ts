/**
 * Link safety and anchors. Source text never decides where the reader's browser goes except
 * to the web (http, https) or to mail; ids built from keys and note labels stay valid HTML.
 */

/** Protocols a link in a source may use; anything else (including relative links) is text. */
export const safeProtocols: readonly string[] = ['http:', 'https:', 'mailto:']

/** Whether a URL from a source may become a link. */
export function isSafeUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return false
  }
  return safeProtocols.includes(parsed.protocol)
}

/** A fragment-safe id: keeps letters, digits, `-`, `_`, `.`, `:`; anything else becomes `_` and its code point, so distinct labels (`*`, `†`) keep distinct ids. */
export function anchorId(value: string): string {
  const cleaned = value.replace(/[^\p{L}\p{N}_.:-]/gu, (character) => `_${(character.codePointAt(0) ?? 0).toString(16)}`)
  return cleaned === '' ? '_' : cleaned
}

/** Href to an id on a page (`page#id`, `#id` for the same page). */
export function hrefTo(page: string, id: string): string {
  return `${page}#${encodeURIComponent(id)}`
}

/** Id of a paragraph, a note, a note reference, a sidenote. */
export const ids = {
  paragraph: (n: number) => `p${n}`,
  frontParagraph: (n: number) => `f${n}`,
  backParagraph: (n: number) => `b${n}`,
  note: (label: string) => `n${anchorId(label)}`,
  /** An entry of the document's reference list, numbered from 1 in the document. */
  referenceEntry: (n: number) => `ref${n}`,
  noteRef: (label: string, occurrence = 1) => (occurrence === 1 ? `r${anchorId(label)}` : `r${anchorId(label)}-${occurrence}`),
  sidenote: (label: string) => `sn${anchorId(label)}`,
  section: (n: number) => `s${n}`,
  emendation: (n: number) => `e${n}`,
  emendationTip: (n: number) => `e${n}-tip`,
  apparatusEntry: (n: number) => `app-e${n}`,
  removedEntry: (n: number) => `app-x${n}`,
  removed: (n: number) => `x${n}`,
  editorialEntry: (n: number) => `app-d${n}`,
  sic: (n: number) => `sic${n}`,
  sicEntry: (n: number) => `app-s${n}`
}

/** Pages of the site itself, which a document's page must not replace. */
const sitePages = new Set(['index', 'bibliography', 'archives', 'search', 'assets'])

/** Page of a document: its slug in portable file-name characters, kept apart from the site's pages. */
export function documentPage(slug: string): string {
  const name = slug.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'document'
  return `${sitePages.has(name.toLowerCase()) ? `${name}-text` : name}.html`
}
