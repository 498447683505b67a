/** Loads the hand-made edition fixture (tests/fixtures/html/edition) as a SiteInput. */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {SiteInput} from '../../pipeline/html/index.js'
import {parseDocument} from '../../pipeline/markdown/index.js'
import type {EditionConfig} from '../../pipeline/shared/types/document.js'
import {siteViews} from '../../templates/html/index.js'

export const fixtureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/html/edition')

function json<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(fixtureDir, name), 'utf8')) as T
}

export function loadFixture(): SiteInput {
  const edition = json<EditionConfig>('edition.json')
  const folder = path.join(fixtureDir, 'documents')
  const documents = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const markdown = readFileSync(path.join(folder, name), 'utf8')
      return {meta: parseDocument(markdown).meta, markdown}
    })
    .sort((a, b) => edition.order.indexOf(a.meta.slug) - edition.order.indexOf(b.meta.slug))
  return {
    edition,
    views: siteViews,
    documents,
    bibliography: json('bibliography.json'),
    occurrences: json('occurrences.json'),
    entries: json('entries.json')
  }
}
