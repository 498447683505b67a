/**
 * The catalog of diagnostics. Every rule id a stage reports is listed here with its severity
 * and a hint; stages keep their rules beside their code (`<stage>/rules.ts`) and this module
 * joins them. `report` is the one way to emit a diagnostic.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {bibliographyRules} from './bibliography/rules.js'
import {citationRules} from './citations/rules.js'
import {buildRules} from './build-rules.js'
import {htmlRules} from './html/rules.js'
import {ingestRules} from './ingest/rules.js'
import {pdfRules} from './pdf/rules.js'
import {terminalSafe} from './terminal.js'

export type Severity = 'error' | 'warning' | 'info'

export interface Rule {
  severity: Severity
  /** One line: what the rule is about. */
  description: string
  /** What the editor can do about it. */
  hint: string
}

export type RuleCatalog = Record<string, Rule>

export const catalog: RuleCatalog = {
  ...buildRules,
  ...ingestRules,
  ...citationRules,
  ...bibliographyRules,
  ...htmlRules,
  ...pdfRules
}

export type RuleId = keyof typeof catalog

/** Emit a diagnostic of a catalogued rule; errors are marked fatal but do not throw. */
export function report(
  file: VFile,
  ruleId: string,
  reason: string,
  place?: Point | Position
): VFileMessage {
  const rule = catalog[ruleId]
  if (!rule) throw new Error(`Unknown diagnostic rule id \`${ruleId}\`; add it to a rules.ts catalog`)
  const message = file.message(reason, {place, ruleId, source: 'apparatus'})
  message.fatal = rule.severity === 'error' ? true : rule.severity === 'warning' ? false : undefined
  message.note = rule.hint
  return message
}

/** The hint of a rule id, for reporters. */
export function hintOf(ruleId: string | undefined): string | undefined {
  return ruleId ? catalog[ruleId]?.hint : undefined
}

/** The diagnostics as the CLI prints them: every file with messages, errors only with `quiet`. */
export function diagnosticsReport(files: VFile[], quiet: boolean): string {
  // What a file name or a message holds is printed as text, never acted on by the terminal.
  const safe = files.map((file) => {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(file) as object) as VFile, file)
    copy.history = file.history.map(terminalSafe)
    copy.messages = file.messages.map((message) => {
      const clean = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message)
      clean.reason = terminalSafe(message.reason)
      clean.message = terminalSafe(message.message)
      if (message.file) clean.file = terminalSafe(message.file)
      return clean
    })
    return copy
  })
  return reporter(safe, {quiet: true, silent: quiet, verbose: true})
}
