/** Editorial emendations from the sidecar (`overrides.emendations`), rule `editorial`. */
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import type {EmendationOverride} from '../../shared/types/document.js'
import {replaceInText, type Span} from '../spans.js'
import {escapeRegExp} from '../../shared/regexp.js'

/**
 * Apply each override to the runs in document order; `occurrence` (1-based) picks one match,
 * otherwise every match is emended. Runs are changed in place.
 */
export function applyOverrides(runs: Span[][], overrides: readonly EmendationOverride[], file: VFile): void {
  for (const override of overrides) {
    if (override.find === '') continue
    const pattern = new RegExp(escapeRegExp(override.find), 'g')
    let seen = 0
    for (let index = 0; index < runs.length; index++) {
      runs[index] = replaceInText(runs[index] ?? [], pattern, (match, offset) => {
        seen++
        if (override.occurrence !== undefined && override.occurrence !== seen) return undefined
        return [{type: 'emend', corrected: override.replace, orig: match[0], rule: 'editorial', reason: override.reason, offset}]
      })
    }
    if (seen === 0 || (override.occurrence !== undefined && seen < override.occurrence)) {
      report(file, 'override-not-found', `Unexpected emendation \`${override.find}\` that is not in the text, expected an exact passage of the source`)
    }
  }
}
