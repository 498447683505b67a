/**
 * The parts of a printed citation before its publication facts: parenthesized groups,
 * the marked title (quotation or emphasis), names and editorial roles, titles with their
 * translations.
 */
import {isUnknownAuthor} from '../shared/vocabulary/anonymous.js'
import type {CslItemDraft} from '../shared/types/csl.js'
import {isNameList, namesOf} from './names.js'
import {cleanTitle, closeQuote, quotePairs, stripOuter} from './text.js'

const volumeInTitle = /\b(?:vols?\.|Vols?\.|Volumes?)\s+([IVXLC]+|\d+)(?:\s+and\s+([IVXLC]+|\d+))?/

export interface Group {
  start: number
  end: number
  inner: string
}

/** Top-level parenthesized groups of `text`. */
export function groups(text: string): Group[] {
  const out: Group[] = []
  let depth = 0
  let start = -1
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (char === '(') {
      if (depth === 0) start = index
      depth++
    } else if (char === ')' && depth > 0) {
      depth--
      if (depth === 0) out.push({start, end: index + 1, inner: text.slice(start + 1, index)})
    }
  }
  return out
}

/** A title-like span: a quotation or an emphasis. */
export interface Marked {
  kind: 'quote' | 'emphasis'
  start: number
  end: number
  /** The text between the marks. */
  inner: string
}

/** The first title-like span of `text`. */
export function firstMarked(text: string): Marked | undefined {
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (quotePairs[char]) {
      const close = closeQuote(text, index)
      if (close > 0) return {kind: 'quote', start: index, end: close + 1, inner: text.slice(index + 1, close)}
    }
    if (char === '*' && text.charAt(index + 1) !== '*') {
      const close = text.indexOf('*', index + 1)
      if (close > index + 1) return {kind: 'emphasis', start: index, end: close + 1, inner: text.slice(index + 1, close)}
    }
  }
  return undefined
}

/** Names before a title: `Bruce Cumings, `, `A.A.Gromyko, ed., `, `Talbott, ed. and trans., `. */
export function applyNames(item: CslItemDraft, printed: string): void {
  let value = stripOuter(printed.replace(/,?\s+in\s*$/, '')).replace(/^(?:the|an?)\s+(?:[\p{Ll}-]+\s+){0,2}(?:report|study|article|essay|book|account|memoirs?|paper)\s+(?:by|of)\s+(?:the\s+)?/u, '')
  if (!value || isUnknownAuthor(value)) return
  const role = /,?\s*\b(eds?\.(?:\s+and\s+trans\.)?|trans\.|comp\.|comps\.)$/.exec(value)
  if (role) value = value.slice(0, role.index).trim()
  const names = namesOf(value)
  if (names.length === 0) return
  const kind = role?.[1] ?? ''
  if (kind.startsWith('ed')) {
    item.editor = names
    if (kind.includes('trans')) item.translator = names
  } else if (kind.startsWith('trans')) item.translator = names
  else item.author = names
}

const englishWords = new Set(['the', 'of', 'and', 'in', 'on', 'to', 'for', 'from', 'with', 'a', 'an', 'about', 'between', 'during', 'after', 'before', 'under', 'its', 'their'])

/** Does a title read as English (so a parenthesis after it is not its translation)? */
export function isEnglish(value: string): boolean {
  return value.toLowerCase().split(/[^\p{L}]+/u).some((word) => englishWords.has(word))
}

/** A title with its bracketed translation: `Title (Translation)` → both. */
function splitTranslation(value: string): {title: string; translation?: string} {
  const match = /^(.*?\S)\s*\(([^()]{3,200})\)\s*$/.exec(value)
  if (match?.[1] && match[2] && /^[A-Z“"]/.test(match[2]) && !/^\d/.test(match[2]) && !isEnglish(match[1])) {
    return {title: cleanTitle(match[1]), translation: cleanTitle(match[2])}
  }
  return {title: cleanTitle(value)}
}

export function setTitle(item: CslItemDraft, value: string): void {
  const {title, translation} = splitTranslation(value.replace(/\*/g, ''))
  if (title) item.title = title
  if (translation) item.custom = {...item.custom, titleTranslation: translation}
  const volume = volumeInTitle.exec(title)
  if (volume?.[1] && !item.volume) item.volume = volume[2] ? `${volume[1]} and ${volume[2]}` : volume[1]
}

/** A comma part that is a personal name or an editorial role (`ed.`, `eds.`). */
export function isNameOrRole(part: string): boolean {
  const value = part.trim()
  return /^(?:eds?\.|trans\.|ed\. and trans\.)$/.test(value) || /^(?:Jr\.|Sr\.)$/.test(value) || (isNameList(value) && !/:/.test(value))
}

/** Split at commas outside parentheses and quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (char === '(') depth++
    if (char === ')' && depth > 0) depth--
    if (char === ',' && depth === 0) {
      parts.push(current.trim())
      current = ''
    } else current += char
  }
  if (current.trim()) parts.push(current.trim())
  return parts
}
