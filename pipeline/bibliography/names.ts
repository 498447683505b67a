/**
 * Given names a citation left out. A note that has named an author already often gives only
 * the family name (`Cumings, The Origins of the Korean War, Volume I`); when the bibliography
 * knows one person of that family, by compatible given names (`K.`, `Kathryn`), the entry
 * takes the fullest of them. Two people of one family are told apart by their given names,
 * so nothing is completed then; archival correspondents keep the surname they are cited by.
 */
import type {CslItem, CslName} from '../shared/types/csl.js'
import {isArchivalItem} from './hierarchy.js'
import {comparable} from './normalize.js'

export interface CompletedName {
  key: string
  family: string
  given: string
}

const nameRoles = ['author', 'editor', 'translator'] as const

/** The parts of a given name: words and initials (`S.N.` → `s`, `n`; `Sergei N.` → `sergei`, `n`). */
function givenParts(given: string): string[] {
  return comparable(given.replace(/\./g, ' ')).split(/[\s]+/).filter(Boolean)
}

/** Whether two given names can be one person's: part by part equal, or one the other's initial. */
function compatible(a: string, b: string): boolean {
  const partsA = givenParts(a)
  const partsB = givenParts(b)
  if (partsA.length === 0 || partsB.length === 0) return false
  for (let index = 0; index < Math.min(partsA.length, partsB.length); index++) {
    const x = partsA[index] ?? ''
    const y = partsB[index] ?? ''
    if (x === y) continue
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) continue
    return false
  }
  return true
}

/** The fullest of compatible given names: most parts, then the longest. */
function fullest(givens: string[]): string | undefined {
  const [first, ...rest] = givens
  if (first === undefined) return undefined
  if (!rest.every((given) => givens.every((other) => compatible(given, other)))) return undefined
  return [...givens].sort((a, b) => givenParts(b).length - givenParts(a).length || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0]
}

function personal(name: CslName): boolean {
  return Boolean(name.family) && !name.literal
}

/** Give each family-only name the given name the bibliography knows for that family; returns what was completed. */
export function completeGivenNames(items: CslItem[]): CompletedName[] {
  const givens = new Map<string, Set<string>>()
  for (const item of items) {
    if (item.custom?.unparsed) continue
    for (const role of nameRoles) {
      for (const name of item[role] ?? []) {
        if (!personal(name) || !name.given?.trim()) continue
        const family = comparable(name.family ?? '')
        givens.set(family, (givens.get(family) ?? new Set()).add(name.given.trim()))
      }
    }
  }
  const completed: CompletedName[] = []
  for (const item of items) {
    // Archival correspondents are cited by surname (`Gromyko to Molotov`), as historians do.
    if (item.custom?.unparsed || isArchivalItem(item)) continue
    for (const role of nameRoles) {
      for (const name of item[role] ?? []) {
        if (!personal(name) || name.given?.trim()) continue
        const given = fullest([...(givens.get(comparable(name.family ?? '')) ?? [])])
        if (!given) continue
        name.given = given
        completed.push({key: item.id, family: name.family ?? '', given})
      }
    }
  }
  return completed
}
