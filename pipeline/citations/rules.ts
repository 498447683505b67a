import type {RuleCatalog} from '../diagnostics.js'

/** Diagnostics of the citations stage. */
export const citationRules: RuleCatalog = {}
