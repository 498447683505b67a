/**
 * Words that name an office, not a person, when they stand in a sender or recipient of a
 * document (`the Foreign Ministry`, `Politupravlenie of the Army`, `MID`): in English, in
 * Russian, German and French as historians transliterate or print them, and the acronyms of
 * ministries, party organs and services. Lower-case, without accents or punctuation, as
 * `asciiFold` leaves a word. Compiled by hand; add a language's words as one more group.
 */
export const institutionWords: ReadonlySet<string> = new Set([
  // English
  'administration', 'army', 'bureau', 'cc', 'central', 'command', 'committee', 'consulate',
  'council', 'delegation', 'department', 'directorate', 'division', 'embassy', 'foreign',
  'government', 'headquarters', 'ministry', 'mission', 'office', 'officials', 'party', 'people',
  'peoples', 'politburo', 'region', 'secretariat', 'section', 'staff',
  // Russian, transliterated
  'upravlenie', 'politupravlenie', 'ministerstvo', 'komitet', 'otdel', 'shtab', 'posolstvo',
  'narkomat', 'narkomindel', 'sovnarkom',
  // German and French
  'ministerium', 'botschaft', 'regierung', 'ausschuss', 'ministere', 'ambassade', 'gouvernement',
  'comite',
  // Acronyms of foreign ministries and party organs (Russian MID, NKID, TsK; English MFA)
  'mid', 'nkid', 'mfa', 'tsk'
])

/**
 * A word abbreviated the way offices are: a syllable and then capitals (`GlavPURKKA`,
 * `PolitUPR`). Capitals alone (`NKID`, `TASS`) are left to the table, since signatures and
 * headings print surnames in capitals too; `McCarthy` has one capital after its syllable.
 */
export function isSyllabicAcronym(word: string): boolean {
  return /^\p{Lu}\p{Ll}+\p{Lu}{2,}/u.test(word)
}

/** Languages whose institution and publisher words `centralEuropeanBodies` lists. */
export type BodyLanguage = 'cs' | 'sk' | 'pl'

/**
 * Words that name an institution or a publishing house in Czech, Slovak and Polish (`Ústav dějin
 * Vltavy`, `Nakladatelství Brod`, `Wydawnictwo Przystań`), as printed, by the stem
 * their inflected forms share (`Ministerstv-o`, `-a`). A name that holds one is a body, never a
 * person; a publisher's word marks publication facts. Compiled by hand; add a language as one
 * more entry.
 */
export const centralEuropeanBodies: Readonly<Record<BodyLanguage, {institutions: readonly string[]; publishers: readonly string[]}>> = {
  cs: {
    institutions: ['Ústav', 'Akademi', 'Univerzit', 'Ministerstv', 'Společnost', 'Muze', 'Knihovn', 'Sdružení', 'Výbor', 'Úřad', 'Archiv'],
    publishers: ['Nakladatelstv', 'Vydavatelstv']
  },
  sk: {
    institutions: ['Ústav', 'Akadémi', 'Univerzit', 'Ministerstv', 'Spoločnos', 'Múze', 'Knižnic', 'Úrad', 'Archív'],
    publishers: ['Vydavateľstv', 'Nakladateľstv']
  },
  pl: {
    institutions: ['Instytut', 'Archiw', 'Akademi', 'Uniwersytet', 'Ministerstw', 'Towarzystw', 'Muze', 'Bibliotek', 'Urząd', 'Komitet', 'Zakład', 'Ośrod'],
    publishers: ['Wydawnictw', 'Oficyna', 'Księgarni']
  }
}

/** A word opening with one of these stems, bounded by letters of any alphabet. */
function stemsPattern(stems: readonly string[]): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${[...new Set(stems)].sort((a, b) => b.length - a.length).join('|')})`, 'u')
}

/** A word of a Czech, Slovak or Polish institution's or publisher's name. */
export const centralEuropeanBody = stemsPattern(Object.values(centralEuropeanBodies).flatMap((entry) => [...entry.institutions, ...entry.publishers]))

/** A word of a Czech, Slovak or Polish publisher's name. */
export const centralEuropeanPublisher = stemsPattern(Object.values(centralEuropeanBodies).flatMap((entry) => entry.publishers))
