/**
 * The diagnostics catalog and `report`, the one way to emit a diagnostic. Every rule id a stage
 * reports is listed with its severity and a hint in the stage's own `rules.ts`, which registers
 * its rules here when it is loaded and hands `report` on to the stage's modules; the joined
 * catalog of every stage is pipeline/build/catalog.ts. This module knows no stage.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {annotationRules} from './annotations.js'
import type {RuleCatalog} from './rules.js'

export type {RuleCatalog, Severity} from './rules.js'

/** The rules registered so far: the annotation vocabulary's, and each loaded stage's. */
const registered: RuleCatalog = {...annotationRules}

/** Add a stage's rules (its `rules.ts` does, when loaded); a rule id is defined once. */
export function registerRules(rules: RuleCatalog): void {
  for (const [id, rule] of Object.entries(rules)) {
    const known = registered[id]
    if (known && known !== rule) throw new Error(`Diagnostic rule id \`${id}\` is defined twice`)
    registered[id] = rule
  }
}

/** Emit a diagnostic of a catalogued rule; errors are marked fatal but do not throw. */
export function report(
  file: VFile,
  ruleId: string,
  reason: string,
  place?: Point | Position
): VFileMessage {
  const rule = registered[ruleId]
  if (!rule) throw new Error(`Unknown diagnostic rule id \`${ruleId}\`; add it to a rules.ts catalog`)
  const message = file.message(reason, {place, ruleId, source: 'apparatus'})
  message.fatal = rule.severity === 'error' ? true : rule.severity === 'warning' ? false : undefined
  message.note = rule.hint
  return message
}

/** The hint of a rule id, for reporters. */
export function hintOf(ruleId: string | undefined): string | undefined {
  return ruleId ? registered[ruleId]?.hint : undefined
}
