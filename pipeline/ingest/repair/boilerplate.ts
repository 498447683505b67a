/**
 * Lines that are not the work: paywall prompts, cookie banners, metadata fields of a database
 * page. Whole blocks, recognized from a typed table.
 */
import type {RemovalRule} from '../../shared/annotations.js'

export interface BoilerplatePattern {
  rule: Extract<RemovalRule, 'paywall' | 'cookie-banner' | 'metadata-line'>
  /** Every pattern must match the block's text. */
  all: readonly RegExp[]
  /** Longest block (characters) the entry applies to: banners are short. */
  maxLength: number
  /** True when finding it means the text before it is an excerpt. */
  truncates: boolean
}

export const boilerplate: readonly BoilerplatePattern[] = [
  {rule: 'paywall', all: [/^(?:to continue reading|continue reading|request (?:your|a) (?:free )?trial|subscribe (?:now )?to (?:continue|read)|(?:log|sign) ?in to (?:continue|read)|already a subscriber\??|read the full (?:text|article)|purchase (?:this )?(?:article|access))\b/i], maxLength: 120, truncates: true},
  {rule: 'cookie-banner', all: [/\bcookies?\b/i, /\b(?:accept|consent|agree|got it|ok)\b/i], maxLength: 600, truncates: false}
]

/** Metadata fields run together with their label (`AuthorRees, David`) on their own line. */
export interface MetadataField {
  field: 'author'
  pattern: RegExp
}

const metadataFields: readonly MetadataField[] = [
  {field: 'author', pattern: /^(?:Authors?|By)\s*:?\s*(\p{Lu}[\p{L}.' -]{1,40},\s*\p{Lu}[\p{L}.' -]{1,40})$/u},
  {field: 'author', pattern: /^(?:Authors?)\s*:\s*(\p{Lu}[\p{L}.' -]{1,60})$/u}
]

export function boilerplateRule(text: string): BoilerplatePattern | undefined {
  const value = text.trim()
  return boilerplate.find((entry) => value.length <= entry.maxLength && entry.all.every((pattern) => pattern.test(value)))
}

/** An author named by a metadata line, in display order (`Rees, David` → `David Rees`). */
export function metadataAuthor(text: string): string | undefined {
  for (const entry of metadataFields) {
    const match = entry.pattern.exec(text.trim())
    const name = match?.[1]?.trim()
    if (!name) continue
    const [family, given] = name.split(/\s*,\s*/)
    return given ? `${given} ${family}` : name
  }
  return undefined
}
