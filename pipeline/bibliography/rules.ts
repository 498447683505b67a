import {registerRules} from '../shared/diagnostics.js'
import type {RuleCatalog} from '../shared/rules.js'

export {report} from '../shared/diagnostics.js'

/** Diagnostics of the bibliography stage. */
export const bibliographyRules: RuleCatalog = {
  'bib-unparsed-citation': {severity: 'warning', description: 'A citation could not be parsed; it is kept as an entry holding its printed text', hint: 'Check the citation in the note; the entry is flagged `custom.unparsed` in bibliography.json.'},
  'bib-unresolved-reference': {severity: 'warning', description: 'An Ibid. or short form resolves to no earlier citation', hint: 'Check whether the full citation was lost or is in another note; the occurrence gets an entry of its own.'},
  'bib-dangling-reference': {severity: 'warning', description: 'An Ibid. or short form points to a citation the document does not have', hint: 'This is a bug in the citations stage; the occurrence gets an entry of its own.'},
  'bib-archive-disagreement': {severity: 'warning', description: 'The same fond, opis and delo are cited under two different archives', hint: 'One of the citations probably names the wrong archive; they are kept apart as printed.'},
  'bib-fond-variant': {severity: 'info', description: 'Two fonds of one archive differ only by leading zeros (`7` and `07`)', hint: 'They are kept apart as printed; check which form the archive uses.'},
  'bib-edition-link': {severity: 'info', description: 'A cited work is a document of this edition and is linked to it', hint: 'If the match is wrong, give the document a more specific title in its sidecar.'},
  'bib-merged-duplicate': {severity: 'info', description: 'Two entries of one work (same normalized author, title and year) were merged into one', hint: 'If they are different works, give one of the citations a key or a fuller title in the sidecar (`overrides.citations`).'},
  'bib-issue-date': {severity: 'info', description: 'An article cited without its date took the date other citations give its periodical issue', hint: 'If the issue is another one, give the citation its date in the sidecar (`overrides.citations`, `csl: {issued: …}`).'},
  'bib-name-completed': {severity: 'info', description: 'An author cited by family name alone was given the given name the bibliography knows for that family', hint: 'If they are two people, give the citation its author in the sidecar (`overrides.citations`, `csl: {author: …}`).'},
  'bib-lint-placeholder-title': {severity: 'warning', description: 'An entry has a placeholder title (“Untitled”, empty) or nothing to show it by', hint: 'Give the citation a title in the sidecar (`overrides.citations`, `csl: {title: …}`), or check why its parse lost the title; archival items are described by their archive and location.'},
  'bib-lint-invented-date': {severity: 'warning', description: 'An entry has an invented date (`XXXX`, `n.d.`) or none where its citation or the edition gives one', hint: 'An unknown date is no `issued` at all; a date the citation prints belongs in `issued` (`overrides.citations`, `csl: {issued: …}`).'},
  'bib-lint-prose-entry': {severity: 'warning', description: 'An entry looks like prose taken for a citation: its title or printed text starts in lower case or with a connective, reads as a clause (a finite verb, quoted speech, a second sentence), or has unbalanced quotes or brackets; or an archival citation opens with such a clause before its location', hint: 'Fix the note boundary or the citation split in the sidecar (`overrides.notes`, `overrides.citations`) so that only the citation is parsed.'},
  'bib-lint-sender-dropped': {severity: 'warning', description: 'An entry has no author though its sender is known (a sender field, or named in its description), so it opens with its recipient or title', hint: 'Give the sender as the author (`overrides.citations`, `csl: {author: …}`); the archival citation probably names it in a form that was not read.'},
  'bib-lint-volume-twice': {severity: 'warning', description: 'An entry prints its volume twice: in the title and in `volume`', hint: 'Keep the volume in one place; check the title the citation was parsed into.'},
  'bib-lint-cited-page': {severity: 'warning', description: 'An article or chapter gives the page a citation cites as its own page range', hint: 'The cited page belongs to the occurrence (`citations.json`); give the part’s page range in the sidecar if it is known.'},
  'bib-lint-internal-key': {severity: 'warning', description: 'An entry shows an internal citation key to readers', hint: 'Give the item a title or description; keys are for links, not for reading.'},
  'bib-lint-duplicate': {severity: 'warning', description: 'Two entries have the same normalized author, title and year', hint: 'Give the citations the same key in the sidecar (`overrides.citations`, `key: …`), or a fuller title if they are different works.'}
}

registerRules(bibliographyRules)
