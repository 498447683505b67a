/**
 * Cross-references to an earlier note, by which a short form names the note that cites the
 * work in full: German `(wie Anm. 5)`, `(s. Anm. 5)`, `(Fn. 5)`, `vgl. oben Anm. 3`; English `n. 5 above`,
 * `supra note 5`, OSCOLA's `(n 5)`; French `op. cit. (n. 5)`, `art. cit., note 5`; Italian
 * `cit. (nota 5)`, `cit. alla nota 5`. A page's own note (`45 n. 5`) is no cross-reference.
 */

export interface CrossReference {
  /** The note referred to. */
  note: number
  /** Where the marker stands in the note's text. */
  start: number
  end: number
}

const number = String.raw`(\d{1,4})`
const markers = [
  // `(wie Anm. 5)`, `(s. o. Anm. 5)`, `(vgl. Fn. 12)`, `(Anm. 5)`, `wie Anm. 5`
  String.raw`\(\s*(?:(?:wie|s\.|siehe|vgl\.)\s+(?:o\.\s+|oben\s+)?)?(?:Anm|Fn|FN|Fußn|Fußnote|Note)\.?\s*${number}\s*\)`,
  // `wie Anm. 5`, `vgl. oben Anm. 3`, `oben Fn. 12`
  String.raw`(?<![\p{L}])(?:(?:wie|s\.|siehe|vgl\.)\s+(?:o\.\s+|oben\s+)?|(?:[Oo]ben|o\.)\s+)(?:Anm|Fn|FN|Fußn|Fußnote)\.?\s*${number}(?![\d\p{L}])`,
  // `n. 5 above`, `note 5 supra`, `(see n. 5 above)`, `supra note 5`, `supra, n. 5`
  // (An optional bracket takes its blanks only after it: a run of blanks is not read from each blank.)
  String.raw`(?:\(\s*)?(?:see\s+)?(?<![\p{L}])(?:[Nn]|[Nn]ote)\.?\s*${number}\s+(?:above|supra)\s*\)?`,
  String.raw`(?<![\p{L}])\*?supra\*?,?\s+(?:n|note)\.?\s*${number}(?![\d\p{L}])`,
  // OSCOLA: `Smith (n 5) 45`
  String.raw`\(\s*n\.?\s+${number}\s*\)`,
  // `op. cit. (n. 5)`, `art. cit., note 5`, `cit. (nota 5)`, `cit. alla nota 5`, `cité n. 5`
  String.raw`(?<![\p{L}])(?:op\.\s*cit\.|art\.\s*cit\.|cit\.|cité|citato)\s*,?\s*\(?\s*(?:alla\s+|à\s+la\s+)?(?:n\.|nota|note)\s*${number}\s*\)?`
]
const crossReferencePattern = new RegExp(markers.map((marker) => `(?:${marker})`).join('|'), 'gu')

/** The cross-references of a note, each to a note before `current`. */
export function crossReferencesIn(text: string, current: number): CrossReference[] {
  const out: CrossReference[] = []
  for (const match of text.matchAll(crossReferencePattern)) {
    const value = match.slice(1).find((group) => group !== undefined)
    const note = Number(value)
    if (!Number.isInteger(note) || note < 1 || note >= current) continue
    out.push({note, start: match.index, end: match.index + match[0].length})
  }
  return out
}

/** The text with each marker replaced by spaces: the parser reads the short form around it, offsets unchanged. */
export function withoutMarkers(text: string, references: readonly CrossReference[]): string {
  let out = text
  for (const reference of references) {
    out = out.slice(0, reference.start) + ' '.repeat(reference.end - reference.start) + out.slice(reference.end)
  }
  return out
}
