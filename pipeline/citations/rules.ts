import {registerRules} from '../shared/diagnostics.js'
import type {RuleCatalog} from '../shared/rules.js'

export {report} from '../shared/diagnostics.js'

/** Diagnostics of the citations stage. */
export const citationRules: RuleCatalog = {
  'citation-unparsed': {
    severity: 'warning',
    description: 'A citation was recognized in a note but neither the grammar nor the labeller could read its parts (author, title, container)',
    hint: 'Check the citation for a typo (unbalanced quotes or parentheses) or give its fields in the sidecar (`overrides.citations`); it is kept, never dropped: its printed text is the entry (`custom.literal`, and the title when nothing else was read)'
  },
  'citation-not-found': {
    severity: 'info',
    description: 'A note holds a year, a page or a title-like phrase, but no citation was found in it',
    hint: 'If the note cites a work, check how it is written (author, title, place and year) or give the citation in the sidecar (`overrides.citations` with `csl`); a note that cites nothing needs no change'
  },
  'citation-ibid-unresolved': {
    severity: 'warning',
    description: 'An Ibid. has no earlier citation to refer to',
    hint: 'Replace the Ibid. with a full or short citation of the work meant'
  },
  'citation-ibid-ambiguous': {
    severity: 'warning',
    description: 'An Ibid. follows a note that cites several works (Chicago forbids it); it is read as the last work of that note',
    hint: 'Replace the Ibid. with a short citation of the work meant'
  },
  'citation-short-form-unresolved': {
    severity: 'warning',
    description: 'A short form or op. cit. matches no full citation in the document',
    hint: 'Give the full citation at the first mention, or check the author and title of the short form'
  },
  'citation-reference-ambiguous': {
    severity: 'info',
    description: 'A short or author-date citation fits several entries of the document\'s reference list',
    hint: 'Add the title words or the year letter (`2000a`) that tell the entries apart, or set its key with `overrides.citations`'
  },
  'citation-reference-unmatched': {
    severity: 'info',
    description: 'An author-date citation names an author and year that no entry of the document\'s reference list has',
    hint: 'Check the year and the spelling of the name against the reference list, or add the missing entry'
  },
  'citation-short-form-forward': {
    severity: 'info',
    description: 'A short form comes before the full citation it abbreviates',
    hint: 'Move the full citation to the first mention of the work'
  },
  'citation-suspicious-fond': {
    severity: 'warning',
    description: 'An archival citation names a fond the archive does not hold',
    hint: 'Check the archive name (e.g. Fond 45 is a Presidential Archive fond, APRF, not AVP RF)'
  },
  'citation-suspicious-code': {
    severity: 'info',
    description: 'A document-collection code has a different length from the others in the document',
    hint: 'Check the code against the source (e.g. `SD0225` beside `SD00233`)'
  },
  'citation-override-not-found': {
    severity: 'warning',
    description: 'A sidecar citation override names a note or citation the citations stage did not find',
    hint: 'Count citations from 1 within the note, as the `:cite` directives of the note in output/markdown show them (citations.json counts `index` from 0)'
  },
  'citation-note-label': {
    severity: 'warning',
    description: 'A footnote label is not a number',
    hint: 'Number footnotes 1, 2, 3… so citations can be referred to by note'
  }
}

registerRules(citationRules)
