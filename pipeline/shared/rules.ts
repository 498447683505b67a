/**
 * The shape of the diagnostics catalog. The annotation vocabulary's rules, which more than one
 * stage reports, are in pipeline/shared/annotations.ts. Each stage's `rules.ts` holds its own rules and registers them (pipeline/shared/diagnostics.ts); pipeline/build/catalog.ts joins them.
 */

export type Severity = 'error' | 'warning' | 'info'

export interface Rule {
  severity: Severity
  /** One line: what the rule is about. */
  description: string
  /** What the editor can do about it. */
  hint: string
}

export type RuleCatalog = Record<string, Rule>
