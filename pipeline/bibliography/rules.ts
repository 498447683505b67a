import type {RuleCatalog} from '../diagnostics.js'

/** Diagnostics of the bibliography stage. */
export const bibliographyRules: RuleCatalog = {
  'bib-unparsed-citation': {severity: 'warning', description: 'A citation could not be parsed; it is kept as an entry holding its printed text', hint: 'Check the citation in the note; the entry is flagged `custom.unparsed` in bibliography.json.'},
  'bib-unresolved-reference': {severity: 'warning', description: 'An Ibid. or short form resolves to no earlier citation', hint: 'Check whether the full citation was lost or is in another note; the occurrence gets an entry of its own.'},
  'bib-dangling-reference': {severity: 'warning', description: 'An Ibid. or short form points to a citation the document does not have', hint: 'This is a bug in the citations stage; the occurrence gets an entry of its own.'},
  'bib-archive-disagreement': {severity: 'warning', description: 'The same fond, opis and delo are cited under two different archives', hint: 'One of the citations probably names the wrong archive; they are kept apart as printed.'},
  'bib-fond-variant': {severity: 'info', description: 'Two fonds of one archive differ only by leading zeros (`7` and `07`)', hint: 'They are kept apart as printed; check which form the archive uses.'},
  'bib-edition-link': {severity: 'info', description: 'A cited work is a document of this edition and is linked to it', hint: 'If the match is wrong, give the document a more specific title in its sidecar.'}
}
