/**
 * Element ids of the print document. Paged.js resolves `target-counter(attr(href), page)` with
 * `querySelector`, so ids are kept to `[A-Za-z0-9_-]` and keys are escaped reversibly-enough
 * (distinct keys stay distinct).
 */

function safe(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.codePointAt(0)?.toString(16) ?? ''}_`)
}

export const anchors = {
  chapter: (slug: string) => `ch-${safe(slug)}`,
  heading: (slug: string, index: number) => `h-${safe(slug)}-${index}`,
  /** The call of a note in the text (what the archival index points at). */
  call: (slug: string, note: string) => `call-${safe(slug)}-${safe(note)}`,
  /** The start of a note's text. */
  note: (slug: string, note: string) => `note-${safe(slug)}-${safe(note)}`,
  emendation: (slug: string, index: number) => `em-${safe(slug)}-${index}`,
  removal: (slug: string, index: number) => `rm-${safe(slug)}-${index}`,
  apparatus: (slug: string) => `app-${safe(slug)}`,
  entry: (key: string) => `bib-${safe(key)}`,
  bibliography: 'bibliography',
  archivalIndex: 'archival-index',
  contents: 'contents',
  introduction: 'introduction'
} as const
