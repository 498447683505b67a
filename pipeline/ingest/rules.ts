import type {RuleCatalog} from '../diagnostics.js'

/** Diagnostics of the ingest stage. */
export const ingestRules: RuleCatalog = {}
