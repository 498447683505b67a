import type {RuleCatalog} from '../diagnostics.js'

/** Diagnostics of the pdf stage. */
export const pdfRules: RuleCatalog = {}
