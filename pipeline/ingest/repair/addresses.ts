/**
 * Web addresses a hard wrap broke at a line's end, in plain text and in Markdown: where the
 * address goes on with the next line's first run, and where that run is prose.
 */

/** A web address at the end of a text, broken after a character an address goes on after. */
export const brokenAddressEnd = /(?:https?:\/\/|www\.)[^\s<>"]*[/\-_.=?&#%~]$/

/** Characters after which an address may go on; a sentence's `.` or `?` only before a path or query. */
const breakCharacter = /[/\-_.=?&#%~]$/

/** Characters only a path, query or fragment holds. */
const strongCharacter = /[/=?&#%_]/

/** A plain pair of short words (`and/or`, `he/she`, `und/oder`), which prose prints too. */
const wordPair = /^\p{L}{1,4}\/\p{L}{1,4}$/u

/** A file or host name: two letters or more, a dot, two letters or more (`index.html`, `example.org`). */
const dottedName = /[\w-]{2,}\.\p{L}{2,}/u

/**
 * Does the address `address` (broken at the line's end) go on with `rest`, the next line's
 * first run with its closing punctuation left off? It does where the rest holds a path, query
 * or file character and is no pair of short words (`2020/denk-salt`, `index.html`, `q=salt`);
 * after a `.` or `?`, which also end sentences, only where it holds a path or query character.
 * A plain word (`which`, `here`), a date or a number (`12.03.2020`, `3.5`) and an abbreviation
 * (`e.g`, `z.B`) never go on an address.
 */
export function addressGoesOn(address: string, rest: string): boolean {
  if (!breakCharacter.test(address) || rest === '' || wordPair.test(rest)) return false
  if (/[.?]$/.test(address)) return /[/=&#]/.test(rest)
  return strongCharacter.test(rest) || dottedName.test(rest)
}
