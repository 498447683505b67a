/**
 * Every stage's diagnostics rules, joined: the catalog the documentation lists. Loading it
 * registers them all, so `report` knows every rule id wherever it is called from.
 */
import {bibliographyRules} from '../bibliography/rules.js'
import {citationRules} from '../citations/rules.js'
import {htmlRules} from '../html/rules.js'
import {ingestRules} from '../ingest/rules.js'
import {pdfRules} from '../pdf/rules.js'
import {annotationRules} from '../shared/annotations.js'
import type {RuleCatalog} from '../shared/rules.js'
import {buildRules} from './rules.js'

export {report} from '../shared/diagnostics.js'

export const catalog: RuleCatalog = {
  ...buildRules,
  ...ingestRules,
  ...citationRules,
  ...bibliographyRules,
  ...htmlRules,
  ...pdfRules,
  ...annotationRules
}
