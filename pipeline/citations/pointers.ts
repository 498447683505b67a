/**
 * Words that point back to a work cited before, in the languages notes are written in: Ibid. and
 * its kin where a citation starts (`Ibid.`, `Ibidem`, `Ib.`, `ivi`, `ebd.`, `ebenda`, law notes'
 * `Id.` and `Id. at 12`), and
 * `op. cit.`, `art. cit.`, `loc. cit.` after an author's name.
 */
export const pointsBack = /^\*?(?:[Ii]bid(?:em)?\b|[Ii]b\.|[Ii]vi\b|[Ee]bd\.|[Ee]benda\b|Id\.(?=\s+at\s+\d|\s*$))|\b(?:op|art|loc)\.\s*cit\b/
