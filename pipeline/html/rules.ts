import type {RuleCatalog} from '../diagnostics.js'

/** Diagnostics of the html stage. */
export const htmlRules: RuleCatalog = {}
