// Every rule ingest can write has words for readers: from the vocabulary's typed tables, the
// ingest tables that carry rules, and every rule in the trees ingest makes of its fixtures.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Nodes} from 'mdast'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {ingestSource} from '../../pipeline/ingest/index.js'
import {chromeRules} from '../../pipeline/ingest/readers/html-chrome.js'
import {inlineArtifacts} from '../../pipeline/ingest/repair/artifacts.js'
import {boilerplate} from '../../pipeline/ingest/repair/boilerplate.js'
import {archivalConfusions} from '../../pipeline/ingest/repair/confusions.js'
import {directive, directiveDescriptions, emendationRules, isRemovalRule, matterLabels, removalRules, ruleLabel} from '../../pipeline/shared/annotations.js'
import type {Sidecar} from '../../pipeline/shared/types/document.js'

/** A label is words, not the rule id shown back. */
function hasLabel(rule: string): boolean {
  const label = ruleLabel(rule)
  return label !== rule && label.trim() !== ''
}

const fixtures = new URL('../fixtures/ingest/', import.meta.url).pathname

/** The `rule` of every `:emend` and `:removed` ingest writes for the ingest fixtures. */
function rulesInFixtures(): Map<string, string> {
  const found = new Map<string, string>()
  for (const name of readdirSync(fixtures).sort()) {
    const folder = join(fixtures, name)
    const input = readdirSync(folder).find((entry) => entry.startsWith('input.'))
    if (!input) continue
    const sidecarPath = join(folder, 'sidecar.yml')
    const sidecar: Sidecar | undefined = existsSync(sidecarPath) ? YAML.parse(readFileSync(sidecarPath, 'utf8')) : undefined
    const path = `sources/${name}${input.slice('input'.length)}`
    const result = ingestSource({path, bytes: readFileSync(join(folder, input)), sidecar}, new VFile({path}))
    if (!result) continue
    visit(result.tree, (node: Nodes) => {
      if (node.type !== 'textDirective' && node.type !== 'containerDirective') return
      if (node.name !== directive.emend && node.name !== directive.removed) return
      const rule = node.attributes?.rule
      if (rule) found.set(rule, name)
    })
  }
  return found
}

describe('annotation vocabulary', () => {
  it('labels every emendation and removal rule of the vocabulary', () => {
    const rules = [...Object.keys(emendationRules), ...Object.keys(removalRules)]
    expect(rules.filter((rule) => !hasLabel(rule))).toEqual([])
  })

  it('labels every rule of the ingest tables that carry rules', () => {
    const rules = [
      ...boilerplate.map((entry) => entry.rule),
      ...inlineArtifacts.map((entry) => entry.rule),
      ...archivalConfusions.map((entry) => entry.rule),
      ...chromeRules.map((entry) => entry.rule)
    ]
    expect(rules.filter((rule) => !hasLabel(rule))).toEqual([])
  })

  it('labels every rule ingest writes for its fixtures', () => {
    const found = rulesInFixtures()
    expect(found.size).toBeGreaterThan(5)
    expect([...found].filter(([rule]) => !hasLabel(rule))).toEqual([])
  })

  it('shows an unknown rule as it is', () => {
    expect(ruleLabel('no-such-rule')).toBe('no-such-rule')
    expect(ruleLabel('constructor')).toBe('constructor')
    expect(isRemovalRule('constructor')).toBe(false)
    expect(isRemovalRule('metadata-line')).toBe(true)
  })

  it('describes every directive and labels the matter sections', () => {
    expect(Object.keys(directiveDescriptions).sort()).toEqual(Object.values(directive).sort())
    expect(Object.keys(matterLabels).sort()).toEqual([directive.backMatter, directive.frontMatter])
  })
})
