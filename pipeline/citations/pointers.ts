/**
 * Words that point back to a work cited before, in the languages notes are written in: Ibid. and
 * its kin where a citation starts (`Ibid.`, `Ibidem`, `Ib.`, `ivi`, `ebd.`, `ebenda`, law notes'
 * `Id.` and `Id. at 12`), and
 * `op. cit.`, `art. cit.`, `loc. cit.` after an author's name.
 */

/** `Ibid`, `Ibidem` (a pattern's source). */
export const ibidWord = String.raw`[Ii]bid(?:em)?\b`
/** Ibid.'s kin in other languages: `Ib.`, `ivi`, `ebd.`, `ebenda` (a pattern's source). */
export const ibidKin = String.raw`[Ii]b\.|[Ii]vi\b|[Ee]bd\.|[Ee]benda\b`
/** `op. cit.`, `art. cit.`, `loc. cit.` (a pattern's source). */
export const opCitWord = String.raw`(?:op|art|loc)\.\s*cit`

/** `Idem`, `Id.`, `Eadem`, `Ders.`, `Dies.` and their kin: the author(s) cited before (a pattern's source, for any case). */
export const idemWords = String.raw`(?:id|idem|eadem|ead|eid|ders|dies|derselbe|dieselbe|dieselben)`

export const pointsBack = new RegExp(String.raw`^\*?(?:${ibidWord}|${ibidKin}|Id\.(?=\s+at\s+\d|\s*$))|\b${opCitWord}\b`)
