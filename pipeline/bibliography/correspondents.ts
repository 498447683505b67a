/**
 * Senders and recipients of archival documents in comparison form. A person reduces to the
 * surname (`[Soviet Ambassador to the DPRK] Shtykov` → `shtykov`, `A. Y. (Gromyko)` →
 * `gromyko`); an institution (`the Soviet Foreign Ministry`) is not a person and never
 * conflicts with one, since historians name either the official or the office.
 */
import {institutionWords, isSyllabicAcronym} from '../shared/vocabulary/institutions.js'
import {placeTokens} from '../shared/vocabulary/places.js'
import {asciiFold} from './normalize.js'

/** Ranks and offices printed before a name. */
const honorifics = new Set([
  'general', 'comrade', 'ambassador', 'marshal', 'minister', 'chairman', 'deputy', 'chief',
  'colonel', 'lieutenant', 'major', 'captain', 'admiral', 'president', 'premier', 'secretary',
  'consul', 'envoy', 'mr', 'mrs', 'dr', 'prof', 'professor', 'tov', 'tovarishch'
])

/** A word that makes a correspondent an office or a government: `Ministry`, `MID`, `Moscow`, `Soviet`. */
function isOffice(token: string): boolean {
  const word = asciiFold(token).replace(/[^a-z]/g, '')
  return institutionWords.has(word) || placeTokens.has(word) || isSyllabicAcronym(token.replace(/[^\p{L}]/gu, ''))
}

/** Surname of one person named in a correspondent phrase, or undefined for an institution. */
function surname(phrase: string): string | undefined {
  const bracketed = /\(([^()]+)\)/.exec(phrase)
  let text = phrase.replace(/\[[^\]]*\]/g, ' ')
  if (bracketed?.[1] && /^\p{Lu}[\p{L}-]+$/u.test(bracketed[1].trim())) text = bracketed[1]
  text = text.replace(/\([^)]*\)/g, ' ').split(/,|\s+(?:in|at|of)\s+/)[0] ?? ''
  const tokens = text.trim().split(/\s+/).filter(Boolean)
  while (tokens.length > 0 && honorifics.has(asciiFold(tokens[0] ?? '').replace(/\.$/, ''))) tokens.shift()
  if (tokens.length === 0 || tokens.length > 3) return undefined
  if (!tokens.every((token) => /^\p{Lu}/u.test(token))) return undefined
  if (tokens.some(isOffice)) return undefined
  const last = asciiFold(tokens[tokens.length - 1] ?? '').replace(/[^a-z]/g, '')
  return last.length > 1 ? last : undefined
}

/**
 * Comparison form of a sender or recipient: the surnames of the persons named (`a+b` for
 * several, sorted), or undefined when it names an institution or cannot be read.
 */
export function correspondentHead(printed: string | undefined): string | undefined {
  if (!printed) return undefined
  const parts = printed.split(/\s+and\s+|\s*&\s*/)
  const heads: string[] = []
  for (const part of parts) {
    const head = surname(part)
    if (head === undefined) return undefined
    heads.push(head)
  }
  return heads.sort().join('+')
}

/** Whether a correspondent phrase names persons that can be written as CSL names. */
export function personNames(printed: string | undefined): Array<{family: string}> | undefined {
  if (!printed) return undefined
  const parts = printed.split(/\s+and\s+/)
  const names: Array<{family: string}> = []
  for (const part of parts) {
    const clean = part.replace(/\[[^\]]*\]/g, ' ').trim()
    if (!/^\p{Lu}[\p{L}'’-]+$/u.test(clean)) return undefined
    if (surname(clean) === undefined) return undefined
    names.push({family: clean})
  }
  return names
}
