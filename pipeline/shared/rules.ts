/**
 * The shape of the diagnostics catalog, and the rules of the annotation vocabulary that more than
 * one stage reports. Each stage's `rules.ts` holds its own rules and registers them (pipeline/shared/diagnostics.ts); pipeline/build/catalog.ts joins them.
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

/** Diagnostics of the annotated Markdown's vocabulary, reported by every renderer that reads it. */
export const annotationRules: RuleCatalog = {
  'unknown-directive': {
    severity: 'warning',
    description: 'A directive the renderers do not know is shown (HTML) and printed (PDF) as text',
    hint: 'Use one of `emend`, `removed`, `cite`, `boundary`, `references`, `front-matter`, `back-matter`; a stray `:word` in prose may need escaping (`\\:`).'
  }
}
