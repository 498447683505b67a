import {registerRules} from '../shared/diagnostics.js'
import type {RuleCatalog} from '../shared/rules.js'
// The print mode renders through the site's handlers and reports with its rules (`note-uncalled`).
import '../html/rules.js'

export {report} from '../shared/diagnostics.js'

/** Diagnostics of the pdf stage. */
export const pdfRules: RuleCatalog = {
  'pdf-render-failed': {
    severity: 'error',
    description: 'Paged.js or Chromium could not lay out or print a document',
    hint: 'Check the document’s annotated Markdown for unusual structure; rerun with the print HTML kept (`keepHtml`) to inspect it'
  },
  'pdf-note-undefined': {
    severity: 'warning',
    description: 'A note is called in the text but has no definition',
    hint: 'Add the `[^n]: …` definition to the annotated Markdown, or remove the call'
  },
  'pdf-note-misplaced': {
    severity: 'warning',
    description: 'A note does not start on the page of its call',
    hint: 'Usually a very long note near the end of a page; shorten the note or check the print layout'
  },
  'pdf-text-hidden': {
    severity: 'warning',
    description: 'Text was laid out past the end of a page, where it is not printed',
    hint: 'A page break Paged.js misplaced; check the page in the print HTML (`keepHtml`) and report the text around it'
  }
}

registerRules(pdfRules)
