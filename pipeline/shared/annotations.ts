/**
 * The annotation vocabulary of the annotated Markdown: the directives ingest, citations and the
 * html stage write, and html, pdf and the exports read; the emendation and removal rules they
 * carry; the words readers see for both. Every stage names an annotation through this module.
 */
import type {Nodes} from 'mdast'
import type {ContainerDirective, TextDirective} from 'mdast-util-directive'
import type {RuleCatalog} from './rules.js'

/** Directive names, as written in the Markdown (`:emend[…]`, `:::removed`). */
export const directive = {
  /** `:emend[corrected]{orig rule reason?}`: a change to the wording. */
  emend: 'emend',
  /** `:removed[text]{rule}` and `:::removed{rule}`: source text left out of the reading. */
  removed: 'removed',
  /** `:cite[text]{key locator label …}`: one citation in a note. */
  cite: 'cite',
  /** `:boundary{change note rule reason?}`: a note boundary the editor moved. */
  boundary: 'boundary',
  /** `:sic[word]`: an author's error the editor confirms (made by the html stage). */
  sic: 'sic',
  /** `:::references`: the source's own list of references. */
  references: 'references',
  /** `:::front-matter` and `:::back-matter`: the source's front and back matter. */
  frontMatter: 'front-matter',
  backMatter: 'back-matter'
} as const

export type DirectiveName = (typeof directive)[keyof typeof directive]

/** The directives written inline (`:name[…]{…}`), and those that hold blocks (`:::name`). */
export const textDirectiveNames: readonly DirectiveName[] = [directive.emend, directive.removed, directive.cite, directive.boundary, directive.sic]
export const containerDirectiveNames: readonly DirectiveName[] = [directive.removed, directive.references, directive.frontMatter, directive.backMatter]

/** A list of directive names for a message: `` `a`, `b` or `c` ``. */
export function directiveList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``)
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
}

/** Diagnostics of the annotated Markdown's vocabulary, reported by every renderer that reads it. */
export const annotationRules: RuleCatalog = {
  'unknown-directive': {
    severity: 'warning',
    description: 'A directive the renderers do not know is shown (HTML) and printed (PDF) as text',
    hint: `Use one of ${directiveList([...new Set([...textDirectiveNames, ...containerDirectiveNames])])}; a stray \`:word\` in prose may need escaping (\`\\:\`).`
  }
}

/** Container directives holding the source's front or back matter. */
export type MatterName = typeof directive.frontMatter | typeof directive.backMatter

export interface Emendation extends TextDirective {
  name: typeof directive.emend
}
export interface RemovedText extends TextDirective {
  name: typeof directive.removed
}
export interface Citation extends TextDirective {
  name: typeof directive.cite
}
export interface Boundary extends TextDirective {
  name: typeof directive.boundary
}
export interface Sic extends TextDirective {
  name: typeof directive.sic
}
export interface RemovedBlock extends ContainerDirective {
  name: typeof directive.removed
}
export interface References extends ContainerDirective {
  name: typeof directive.references
}
export interface Matter extends ContainerDirective {
  name: MatterName
}

declare module 'mdast' {
  interface PhrasingContentMap {
    emendation: Emendation
    removedText: RemovedText
    citation: Citation
    boundary: Boundary
    sic: Sic
  }
  interface BlockContentMap {
    removedBlock: RemovedBlock
    references: References
    matter: Matter
  }
  interface RootContentMap {
    emendation: Emendation
    removedText: RemovedText
    citation: Citation
    boundary: Boundary
    sic: Sic
    removedBlock: RemovedBlock
    references: References
    matter: Matter
  }
}

/** Text directives by name. */
export interface TextDirectives {
  emend: Emendation
  removed: RemovedText
  cite: Citation
  boundary: Boundary
  sic: Sic
}

/** Container directives by name. */
export interface ContainerDirectives {
  removed: RemovedBlock
  references: References
  'front-matter': Matter
  'back-matter': Matter
}

export function isTextDirective<Name extends keyof TextDirectives>(node: Nodes | undefined, name: Name): node is TextDirectives[Name] {
  return node?.type === 'textDirective' && node.name === name
}

export function isContainerDirective<Name extends keyof ContainerDirectives>(node: Nodes | undefined, name: Name): node is ContainerDirectives[Name] {
  return node?.type === 'containerDirective' && node.name === name
}

/** `:removed[…]` or `:::removed`: text that is not part of the reading. */
export function isRemoved(node: Nodes | undefined): node is RemovedText | RemovedBlock {
  return (node?.type === 'textDirective' || node?.type === 'containerDirective') && node.name === directive.removed
}

export function isMatterName(name: string): name is MatterName {
  return name === directive.frontMatter || name === directive.backMatter
}

/** What each directive is, for readers of the apparatus and of the documentation. */
export const directiveDescriptions: Record<DirectiveName, string> = {
  emend: 'a change to the wording: the corrected reading, with the source’s reading and the rule',
  removed: 'source text left out of the reading (a page artifact, boilerplate), kept with its rule',
  cite: 'a citation in a note, with its bibliography key and locator',
  boundary: 'a note boundary the editor moved',
  sic: 'an author’s error the editor confirms, printed as it stands',
  references: 'the source’s own list of references',
  'front-matter': 'front matter of the source',
  'back-matter': 'back matter of the source'
}

/** Emendation rules (`rule` of `:emend`) ingest can write, with the words the apparatus uses. */
export const emendationRules = {
  'ocr-folio': 'OCR: folio abbreviation',
  'ocr-fond': 'OCR: fond number',
  hyphenation: 'line-end hyphenation',
  'dp-hyphen': 'proofreader’s uncertain hyphen',
  editorial: 'editorial correction',
  'tei-sic': 'TEI sic/corr: error of the source corrected',
  'tei-orig': 'TEI orig/reg: spelling regularized',
  'tei-abbr': 'TEI abbr/expan: abbreviation expanded',
  'tei-supplied': 'TEI supplied: text supplied by the encoder',
  'tei-gap': 'TEI gap: text the source omits or the encoder could not read'
} as const satisfies Record<string, string>

/** Removal rules (`rule` of `:removed` and `:::removed`) ingest can write, with their words. */
export const removalRules = {
  'page-separator': 'page separator of the proofing text',
  'proofer-note': 'proofreader’s note',
  'blank-page': 'blank page marker of the proofing text',
  'dp-markup': 'proofreaders’ block marker',
  'word-comment-anchor': 'Word comment anchor',
  'word-bookmark': 'Word bookmark',
  'word-comment': 'Word comment',
  'word-deletion': 'deleted text (tracked change)',
  paywall: 'paywall notice',
  'cookie-banner': 'cookie notice',
  'metadata-line': 'database metadata line',
  'running-head': 'running head',
  'page-number': 'page number',
  'footnote-rule': 'rule above the notes of a page',
  'front-matter': 'front matter (YAML) of the Markdown source',
  'gutenberg-header': 'Project Gutenberg’s header (licence notice and catalogue fields)',
  'gutenberg-licence': 'Project Gutenberg’s licence',
  'tei-figure': 'TEI: figure and its caption',
  'tei-del': 'TEI: deletion in the source',
  'tei-variant': 'TEI: variant reading',
  'html-navigation': 'site navigation',
  'html-site-header': 'site header',
  'html-site-footer': 'site footer',
  'html-sidebar': 'site sidebar',
  'html-dialog': 'pop-up dialog',
  'html-skip-link': '“skip to content” link',
  'html-code': 'scripts and styles (code, left out)',
  'html-backlink': 'link back to the note reference',
  'html-image': 'image (its text description)',
  'notes-heading': 'heading of the notes',
  editorial: 'editorial correction'
} as const satisfies Record<string, string>

export type EmendationRule = keyof typeof emendationRules
export type RemovalRule = keyof typeof removalRules

export function isRemovalRule(value: string): value is RemovalRule {
  return Object.hasOwn(removalRules, value)
}

/** The rule of the editor's own decisions (sidecar overrides): listed apart, with their reasons. */
export const editorialRule = 'editorial' satisfies EmendationRule

/** The rule an annotation without one is shown under. */
export const unspecifiedRule = 'unspecified'

const ruleLabels: Record<string, string> = {...emendationRules, ...removalRules, [unspecifiedRule]: 'unspecified'}

/** The apparatus's words for a rule id; an unknown id (from an older Markdown file) as it is. */
export function ruleLabel(rule: string): string {
  return Object.hasOwn(ruleLabels, rule) ? (ruleLabels[rule] ?? rule) : rule
}

/** Labels of the sections holding the source's front and back matter. */
export const matterLabels: Record<MatterName, string> = {
  'front-matter': 'Front matter of the source',
  'back-matter': 'Back matter of the source'
}
