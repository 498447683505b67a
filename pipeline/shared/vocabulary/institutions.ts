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
