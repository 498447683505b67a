import {registerRules} from '../shared/diagnostics.js'
import type {RuleCatalog} from '../shared/rules.js'

export {report} from '../shared/diagnostics.js'

/** Diagnostics of the html stage. */
export const htmlRules: RuleCatalog = {
  'html-unsafe-link': {
    severity: 'warning',
    description: 'A link in the source uses a protocol other than http(s) or mailto; it is shown as text',
    hint: 'Check the source: `javascript:` or relative links in a source are never followed; fix the URL in the sidecar overrides if it is a real web address.'
  },
  'html-raw-html': {
    severity: 'info',
    description: 'Raw HTML in the source is shown as text, never interpreted',
    hint: 'Nothing to do unless the markup is an ingest artifact; then remove it with an override.'
  },
  'html-image': {
    severity: 'info',
    description: 'An image in the source is shown as its description; the edition loads no images from other origins',
    hint: 'Copy the image into the edition and describe it in the text if it matters.'
  },
  'html-emendation-without-original': {
    severity: 'warning',
    description: 'An emendation lacks its original reading (`orig` attribute)',
    hint: 'Every emendation must record what the source printed: add `orig="…"`.'
  },
  'html-citation-without-key': {
    severity: 'warning',
    description: 'A citation has no bibliography key and is not linked',
    hint: 'The build sets `key` on every `:cite`; run the bibliography stage before rendering.'
  },
  'html-unknown-citation-key': {
    severity: 'warning',
    description: 'A citation key is not in the bibliography and is not linked',
    hint: 'Rebuild the bibliography, or correct the key in the annotated Markdown.'
  },
  'note-uncalled': {
    severity: 'info',
    description: 'A note is never called in the text: the site lists it with the notes only, the PDF prints it after the chapter',
    hint: 'Check the source: the call may have been lost in OCR; add `[^n]` where the note belongs.'
  },
  'html-sic-not-found': {
    severity: 'warning',
    description: 'A word the sidecar confirms as the author’s error (`sic`) is not in the text',
    hint: 'Write the word as the source prints it (the `possible-sic` message quotes it), or take it out of `sic`.'
  },
  'html-missing-entry': {
    severity: 'warning',
    description: 'A bibliography item has no formatted entry; its title is shown instead',
    hint: 'Format the bibliography (citation-js) before rendering the site.'
  }
}

registerRules(htmlRules)
