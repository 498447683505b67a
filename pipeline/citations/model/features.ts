/**
 * Hand-designed features of each token of a reference: the word, its shape, case, digits and
 * punctuation, its place in the string, the lexicons it is in, and the same of its neighbours.
 */
import {lexiconOf} from './lexicon.js'
import type {Token} from './tokens.js'
import {year as yearSource} from '../dates.js'

const outerPunctuation = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu
const year = new RegExp(String.raw`^[([]?${yearSource}[a-z]?(?:[-–/](?:1[5-9]\d\d|20\d\d|\d\d))?[)\]]?[.,:;)]*$`)
const initials = /^(?:\p{Lu}\.-?){1,3}[,;:]?$/u
const openQuote = /^[„“"‘«‚'»‹(\[]/
const closeQuote = /[“”"’«»‘›)\]][.,;:]*$/

interface Info {
  lower: string
  key: string
  shape: string
  kind: string
  trail: string
  lexicons: readonly string[]
  isYear: boolean
}

function shapeOf(text: string): string {
  let out = ''
  let last = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    let next: string
    if (code >= 48 && code <= 57) next = 'd'
    else if (char !== char.toLowerCase()) next = 'X'
    else if (char !== char.toUpperCase()) next = 'x'
    else next = char
    if (next !== last || (next !== 'X' && next !== 'x' && next !== 'd')) out += next
    last = next
  }
  return out.length > 12 ? Array.from(out).slice(0, 12).join('') : out
}

function kindOf(core: string): string {
  if (!core) return 'punct'
  if (/^\d+$/.test(core)) return core.length === 4 ? 'num4' : core.length <= 2 ? 'num12' : 'num'
  if (/^\d+[-–]\d+$/.test(core)) return 'range'
  if (/\d/.test(core)) return /\p{L}/u.test(core) ? 'alnum' : 'numeric'
  if (/^\p{Lu}+$/u.test(core)) return core.length === 1 ? 'letter' : 'caps'
  if (/^\p{Lu}[\p{Ll}'’-]/u.test(core)) return 'cap'
  if (/^\p{Ll}/u.test(core)) return 'lower'
  return 'mixed'
}

function infoOf(token: string): Info {
  const core = token.replace(outerPunctuation, '')
  const lower = core.toLowerCase()
  const key = lower.replace(/\.$/, '')
  const trailMatch = /[\p{P}\p{S}]+$/u.exec(token)
  const trail = trailMatch ? Array.from(trailMatch[0]).slice(-2).join('') : ''
  const lexicons = [...(lexiconOf.get(key) ?? []), ...(key !== lower ? (lexiconOf.get(lower) ?? []) : [])]
  return {lower, key, shape: shapeOf(token), kind: kindOf(core), trail, lexicons, isYear: year.test(token.replace(/^[(\[]/, ''))}
}

/** The features of every token, as strings (`w=in`, `shape=Xx.`, …). */
export function featuresOf(tokens: readonly Token[]): string[][] {
  const infos = tokens.map((token) => infoOf(token.text))
  const n = tokens.length
  const out: string[][] = []
  // Prose around a token: words of commentary and lower-case words nearby (prefix sums).
  const proseSums = new Int32Array(n + 1)
  const lowerSums = new Int32Array(n + 1)
  for (let index = 0; index < n; index++) {
    const info = infos[index] as Info
    proseSums[index + 1] = (proseSums[index] ?? 0) + (info.lexicons.includes('commentary') ? 1 : 0)
    lowerSums[index + 1] = (lowerSums[index] ?? 0) + (info.kind === 'lower' ? 1 : 0)
  }
  const around = (sums: Int32Array, index: number, width: number) =>
    (sums[Math.min(n, index + width + 1)] ?? 0) - (sums[Math.max(0, index - width)] ?? 0)
  let seenYear = false
  let seenContainer = false
  let seenColon = false
  let seenQuote = false
  let seenClose = false
  let stops = 0
  let commas = 0
  for (let index = 0; index < n; index++) {
    const token = tokens[index]?.text ?? ''
    const info = infos[index] as Info
    const before = infos[index - 1]
    const after = infos[index + 1]
    const features = ['b', `w=${info.key}`, `shape=${info.shape}`, `kind=${info.kind}`, `trail=${info.trail}`, `pos=${Math.floor((10 * index) / n)}`]
    if (info.key.length > 3) {
      const letters = Array.from(info.key)
      features.push(`p3=${letters.slice(0, 3).join('')}`, `s3=${letters.slice(-3).join('')}`)
    }
    const prose = Math.min(3, around(proseSums, index, 3) - (info.lexicons.includes('commentary') ? 1 : 0))
    const lower = Math.min(5, around(lowerSums, index, 3))
    features.push(`prose=${prose}`, `lower7=${lower}`, `prose&kind=${prose}|${info.kind}`)
    const lead = /^[\p{P}\p{S}]/u.exec(token)
    if (lead) features.push(`lead=${lead[0]}`)
    if (index === 0) features.push('first')
    if (index === n - 1) features.push('last')
    if (index < 3) features.push(`early=${index}`)
    if (info.isYear) features.push(/^[(\[]/.test(token) ? 'yearParen' : 'year')
    if (initials.test(token)) features.push('initials')
    if (openQuote.test(token)) features.push('openQuote')
    if (closeQuote.test(token)) features.push('closeQuote')
    if (/^(?:https?:|www\.|doi:|urn:)/i.test(token)) features.push('url')
    if (/^(?:doi:)?10\.\d{3,}\//i.test(token)) features.push('doi')
    if (/^\d+\.$/.test(token)) features.push('ordinal')
    if (/^\d+[-–]\d+/.test(token)) features.push('numRange')
    if (/\d[-–]$/.test(token) || /^[-–]\d/.test(token)) features.push('rangePart')
    if (/\/\p{Lu}/u.test(token)) features.push('slashName')
    for (const lexicon of info.lexicons) features.push(`lex=${lexicon}`)
    if (seenYear) features.push('afterYear')
    if (seenContainer) features.push('afterIn')
    if (seenColon) features.push('afterColon')
    if (seenQuote) features.push('afterQuote')
    if (seenClose) features.push('afterClose')
    features.push(`stops=${Math.min(stops, 6)}`, `commas=${Math.min(commas, 6)}`, `stops&kind=${Math.min(stops, 6)}|${info.kind}`)
    if (before) {
      features.push(`w-1=${before.key}`, `trail-1=${before.trail}`, `kind-1=${before.kind}`, `trail-1&kind=${before.trail}|${info.kind}`)
      for (const lexicon of before.lexicons) features.push(`lex-1=${lexicon}`)
      if (before.isYear) features.push('year-1')
    } else features.push('w-1=^')
    if (after) {
      features.push(`w+1=${after.key}`, `kind+1=${after.kind}`, `trail&kind+1=${info.trail}|${after.kind}`)
      for (const lexicon of after.lexicons) features.push(`lex+1=${lexicon}`)
      if (after.isYear) features.push('year+1')
    } else features.push('w+1=$')
    const beforeTwo = infos[index - 2]
    if (beforeTwo) features.push(`trail-2=${beforeTwo.trail}`)
    out.push(features)
    if (info.isYear) seenYear = true
    if (info.lexicons.includes('containerCue') && /^(?:in:?|dans|en)$/i.test(token)) seenContainer = true
    if (info.trail.includes(':')) seenColon = true
    if (openQuote.test(token) && !/^[(\[]/.test(token)) seenQuote = true
    if (seenQuote && closeQuote.test(token) && !/[)\]][.,;:]*$/.test(token)) seenClose = true
    // Periods and colons that end a field, not initials or abbreviations.
    if (/[\p{L}\p{N})”"’][.:]$/u.test(token) && !initials.test(token) && !info.lexicons.some((name) => name !== 'place' && name !== 'publisherWord' && name !== 'commentary')) stops++
    if (token.endsWith(',')) commas++
  }
  return out
}
