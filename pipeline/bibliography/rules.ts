import type {RuleCatalog} from '../diagnostics.js'

/** Diagnostics of the bibliography stage. */
export const bibliographyRules: RuleCatalog = {}
