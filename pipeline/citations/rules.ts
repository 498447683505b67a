import type {RuleCatalog} from '../diagnostics.js'

/** Diagnostics of the citations stage. */
export const citationsRules: RuleCatalog = {}
