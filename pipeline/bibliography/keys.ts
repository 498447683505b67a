/**
 * Readable, stable bibliography keys: first author's family name + year + first significant
 * title word, ASCII-folded (`goncharov1993uncertain`). Items whose keys would collide get a
 * suffix computed from their own identity, so adding an unrelated source never renames one.
 */
import type {CslItem, CslItemDraft} from '../shared/types/csl.js'
import {correspondentHead} from './correspondents.js'
import {yearOf} from './dates.js'
import {asciiFold, words} from './normalize.js'

function ascii(text: string): string {
  return asciiFold(text).replace(/[^a-z0-9]+/g, '')
}

/** Significant words of a text, dotted acronyms joined (`U.S.` → `us`). */
function keyWords(text: string): string[] {
  return words(text.replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1').replace(/\b(\p{L})\.(?=\s|$)/gu, '$1'), true)
}

/** The name part of a key: author, editor, issuing authority, sender, or archive. */
function namePart(item: CslItemDraft): string {
  for (const names of [item.author, item.editor, item.translator]) {
    const first = names?.[0]
    if (first?.family) return ascii(first.family)
    const literal = first?.literal ? keyWords(first.literal)[0] : undefined
    if (literal) return literal
  }
  // A court's decision is known by its court: `bgh2012beschluss`.
  const authority = item.authority ? keyWords(item.authority)[0] : undefined
  if (authority) return authority
  const sender = correspondentHead(item.custom?.sender)
  if (sender) return sender.split('+')[0] ?? ''
  return ascii(item.archive ?? item.custom?.archival?.archive ?? '')
}

/** The significant words of the title, or of what stands for it. */
function titleWords(item: CslItemDraft): string[] {
  for (const text of [item.title, item.genre, item['container-title']]) {
    const found = text ? keyWords(text) : []
    if (found.length > 0) return found
  }
  return []
}

/** The key an item would have without disambiguation. */
export function baseKey(item: CslItemDraft): string {
  const year = yearOf(item.issued) ?? ''
  const title = titleWords(item)
  let name = namePart(item)
  let word = title[0] ?? ''
  // Without a name, the title leads and its next word follows the year (`frus1960conference`).
  if (!name) {
    name = word
    const rest = title.slice(1)
    word = rest.find((entry) => !/^\d+$/.test(entry)) ?? (String(year) === rest[0] ? '' : rest[0] ?? '')
  }
  const location = archivalPart(item)
  // An archival item known by little more than its archive reads best by its file (`avprf-f07-op22a-d223`).
  if (location && (!year || !word) && name === ascii(item.archive ?? item.custom?.archival?.archive ?? '')) return `${name}${year}${word}-${location}`.slice(0, 64)
  const key = `${name}${year}${word}`.slice(0, 48)
  return key === '' ? 'anon' : key
}

/** `f07-op22a-d223` from the item's archival location, when it has a fond. */
function archivalPart(item: CslItemDraft): string | undefined {
  const archival = item.custom?.archival
  if (!archival?.fond) return undefined
  const parts: Array<[string, string | undefined]> = [['f', archival.fond], ['op', archival.opis], ['d', archival.delo]]
  return parts.flatMap(([prefix, value]) => (value ? [`${prefix}${ascii(value)}`] : [])).join('-')
}

/** FNV-1a, 32 bits: a small stable hash for key suffixes. */
function hash(text: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index)
    value = Math.imul(value, 0x01000193) >>> 0
  }
  return value
}

/** Letters `a`–`z` from a hash, `length` of them. */
function letters(value: number, length: number, salt: number): string {
  let out = ''
  let rest = hash(`${value}:${salt}`)
  for (let index = 0; index < length; index++) {
    out += String.fromCharCode(97 + (rest % 26))
    rest = Math.floor(rest / 26)
    if (rest === 0) rest = hash(`${value}:${salt}:${index}`)
  }
  return out
}

/**
 * Give every item its key. `signatures` are stable descriptions of each item's identity,
 * in the same order; colliding items get a suffix derived from their signature alone.
 */
export function assignKeys(items: CslItemDraft[], signatures: string[]): string[] {
  const bases = items.map(baseKey)
  const count = new Map<string, number>()
  for (const base of bases) count.set(base, (count.get(base) ?? 0) + 1)
  const taken = new Set(bases.filter((base) => count.get(base) === 1))
  return bases.map((base, index) => {
    if (count.get(base) === 1) return base
    const value = hash(signatures[index] ?? '')
    for (let salt = 0; ; salt++) {
      const key = `${base}${letters(value, 3 + Math.floor(salt / 4), salt)}`
      if (!taken.has(key)) {
        taken.add(key)
        return key
      }
    }
  })
}

/** Order items by key: the order of every export. */
export function byKey(a: CslItem, b: CslItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
