/** Personal and institutional names as printed in notes, to CSL names. */
import {centralEuropeanBody} from '../shared/vocabulary/institutions.js'
import {familyFirstSurnames} from '../shared/vocabulary/names.js'
import {opensWithPlace} from '../shared/vocabulary/places.js'
import {subjectWords} from '../shared/vocabulary/subjects.js'
import type {CslName} from '../shared/types/csl.js'
import {isRoleNoun, leadingRoleEnd} from './model/lexicon.js'

/** Words that may stand lower-case inside a personal name. */
const particles = new Set(['de', 'da', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'al', 'bin', 'ibn', 'del', 'los', 'las', 'dos'])

/** Where Spanish joins a person's two surnames (`Pérez y Gómez`): `y` before the last word, after a given name and a surname; -1 if not. */
function surnameJoinAt(words: readonly string[]): number {
  const at = words.length - 2
  return at >= 2 && words[at] === 'y' ? at : -1
}

/** Words that start titles or institutions, never personal names. */
const notNames = new Set([
  'The', 'A', 'An', 'On', 'In', 'For', 'From', 'To', 'Report', 'Telegram', 'Ciphered', 'Record',
  'Letter', 'Note', 'Notes', 'Draft', 'Interview', 'Conversation', 'Ministry', 'Department',
  'Committee', 'Council', 'Office', 'Archive', 'Center', 'Centre', 'Institute', 'University',
  'Press', 'Bulletin', 'Review', 'Journal', 'Ibid', 'Fond', 'Opis', 'Delo', 'Papka',
  'Фонд', 'Опись', 'Дело', 'Папка'
])

/** Words that make a name an institution's. */
const institutionWords = /\b(?:Office|Committee|Department|Ministry|Center|Centre|Institute|University|Press|Party|Council|Bureau|Agency|Archives?|Library|Society|Association|Commission|Academy|Service|Administration|Government|Embassy|Foundation|Board|Division|Section|Directorate|Staff)\b/

/**
 * The same words in other languages, by their stems (the words inflect: `Архив`, `Архива`).
 * `\b` knows only Latin letters, so the stems are bounded by letters of any alphabet.
 */
const institutionStems = /(?<!\p{L})(?:Akadem|Académ|Academia|Archiv|Bibliot|Institut|Istitut|Ministeri|Ministère|Universit|Gesellschaft|Société|Kommission|Архив|Министерств|Институт|Университет|Академи|Комитет|Библиотек|Издательств|Управлени|Посольств|Обществ|Комисси|Αρχεί|Υπουργεί|Ινστιτούτ|Πανεπιστήμι|Ακαδημί|Βιβλιοθήκ|Επιτροπ)/u

/** Does this string hold a word that names an institution? */
function hasInstitutionWord(value: string): boolean {
  return institutionWords.test(value) || institutionStems.test(value) || centralEuropeanBody.test(value)
}

/** Is this (comma-free) string the name of an institution (`Central Translation and Editing Office`)? */
export function isInstitution(value: string): boolean {
  return hasInstitutionWord(value) && /^\p{Lu}/u.test(value.trim()) && !/[“"*:]/.test(value)
}

/** `Bundeskanzler Helmut Vogel`, `Prime Minister Jane Doe`: the office (in its first three words) before a personal name left out. */
function roleDropped(value: string): string {
  const words = value.trim().split(/\s+/)
  // The last word is the name's, never its office.
  const role = leadingRoleEnd(words.slice(0, -1))
  const rest = words.slice(role + 1).join(' ')
  return role >= 0 && isNameList(rest) ? rest : value
}

/**
 * One word of a personal name in any alphabet: a capitalized word (`Durand`, `Émile`, `Петров`),
 * initials with or without a word joined to them (`A.A.Gromyko`, `И.`), or one initial.
 * Combining marks count as letters, for text in decomposed form.
 */
const wordPattern = /^(?:\p{Lu}[\p{L}\p{M}’'-]*\.?|(?:\p{Lu}\p{M}*\.\s?){1,3}\p{Lu}?[\p{L}\p{M}’'-]*\.?|\p{Lu}\p{M}*\.)$/u

/** Initials joined to a family name: `A.A.Gromyko`, `И.В.Петров`. */
const joinedInitials = /^((?:\p{Lu}\p{M}*\.){1,3})(\p{Lu}[\p{L}\p{M}’'-]+)$/u

/** Is this (comma-free) string one personal name, e.g. `Sergei N. Goncharov`, `A.A.Gromyko`? */
export function isPersonalName(value: string): boolean {
  const words = value.trim().split(/\s+/)
  const joinAt = surnameJoinAt(words)
  // Particles and a surnames' `y` do not count towards the four words (`María de la Fuente Ruiz`).
  if (words.length === 0 || words.filter((word, index) => !(index > 0 && particles.has(word)) && index !== joinAt).length > 4) return false
  if (words.length === 1 && !/^\p{Lu}[\p{L}\p{M}’'-]+$/u.test(words[0] ?? '')) {
    return joinedInitials.test(words[0] ?? '')
  }
  const first = (words[0] ?? '').replace(/,$/, '')
  if (notNames.has(first) || subjectWords.has(first) || opensWithPlace(value) || isRoleNoun(first)) return false
  if (hasInstitutionWord(value)) return false
  return words.every((word, index) => wordPattern.test(word) || (index > 0 && particles.has(word)) || index === joinAt)
}

/**
 * Split a personal name into family and given parts. Names printed family-first
 * (`Chen Jian`, `Hao Yufan`) cannot be told apart by form; like the gold data, we take the
 * last word as the family name unless a table of East Asian surnames says otherwise.
 */
export function personalName(value: string): CslName {
  const clean = value.trim().replace(/\s+/g, ' ')
  const suffix = /,?\s+(Jr\.|Sr\.|II|III)$/.exec(clean)
  const base = suffix ? clean.slice(0, suffix.index) : clean
  const joined = joinedInitials.exec(base)
  if (joined) return {family: joined[2] ?? '', given: joined[1] ?? ''}
  const words = base.split(' ')
  if (words.length === 1) return {family: base}
  const first = words[0] ?? ''
  if (words.length >= 2 && familyFirstSurnames.has(first)) {
    return {family: first, given: words.slice(1).join(' ')}
  }
  // `Juan Pérez y Gómez`: both surnames joined by `y` are the family name.
  const joinAt = surnameJoinAt(words)
  if (joinAt > 0 && !suffix) return {family: words.slice(joinAt - 1).join(' '), given: words.slice(0, joinAt - 1).join(' ')}
  // `María de la Fuente Ruiz`: particles right after the one given name open a double surname.
  const afterParticles = words.slice(1).findIndex((word) => !particles.has(word)) + 1
  if (afterParticles > 1 && words.length - afterParticles >= 2 && !suffix) return {family: words.slice(1).join(' '), given: first}
  const family = words.pop() ?? ''
  const name: CslName = {family, given: words.join(' ')}
  if (suffix?.[1]) name.suffix = suffix[1]
  return name
}

/** Separators in a list of names; `и` and `και` join Russian and Greek names as `and` does. */
const nameSeparator = /\s*,\s*(?:and\s+)?|\s+(?:and|и|και)\s+|\s+with\s+|\s*&\s*/u

/** What every separator has: most strings have none, and `nameSeparator` is slow to search. */
const separatorCue = /[,&]|\s(?:and|with|и|και)\s/u

/** Split a printed list of names (`A, B, and C`, `A and B`, `A with B`). */
function splitNameList(value: string): string[] {
  const list = value.replace(/\s+et al\.?$/, '')
  return (separatorCue.test(list) ? list.split(nameSeparator) : [list])
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^(?:Jr\.|Sr\.)$/.test(part))
}

/** Does this printed string read as a list of personal names? */
export function isNameList(value: string): boolean {
  const parts = splitNameList(value)
  return parts.length > 0 && parts.every(isPersonalName)
}

/** `Marsh, Edwin`, `Marsh, Edwin J.`: a family name, one comma, given names; no `and` makes it a list. */
const invertedName = /^(\p{Lu}[\p{L}\p{M}’'-]+),\s+((?:\p{Lu}[\p{L}\p{M}’'-]*\.?|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{L}\p{M}’'-]*\.?|\p{Lu}\.)){0,2})$/u

/** CSL names from a printed list; an institution becomes `{literal}`. */
export function namesOf(value: string): CslName[] {
  const clean = roleDropped(value.trim().replace(/,$/, ''))
  if (!clean) return []
  // One person printed family name first (a bibliography's form): two parts, the second given names.
  const inverted = invertedName.exec(clean)
  if (inverted?.[1] && inverted[2] && isPersonalName(inverted[1]) && isPersonalName(inverted[2]) && !/\s/.test(inverted[1])) return [{family: inverted[1], given: inverted[2]}]
  if (isNameList(clean)) {
    const names: CslName[] = []
    for (const part of clean.replace(/\s+et al\.?$/, '').split(nameSeparator)) {
      const trimmed = part.trim()
      if (!trimmed) continue
      const last = names.at(-1)
      if (/^(?:Jr\.|Sr\.)$/.test(trimmed) && last) last.suffix = trimmed
      else names.push(personalName(trimmed))
    }
    return names
  }
  return [{literal: clean}]
}
