/**
 * The layout of pipeline/ (docs/DESIGN.md): imports run one way, from the entry points through
 * the command line and the build to the stages, and from the stages to the Markdown and shared
 * modules; no folder imports one above it, so there are no circles between folders.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const pipeline = fileURLToPath(new URL('../../pipeline/', import.meta.url))

/** Each folder's layer: a module may import its own folder's and lower layers' modules. */
const layers: Record<string, number> = {
  shared: 0,
  markdown: 1,
  ingest: 2,
  citations: 2,
  bibliography: 2,
  html: 3,
  export: 4,
  pdf: 4,
  build: 5,
  cli: 6,
  eval: 6,
  // The entry points at the top of pipeline/.
  '.': 7
}

function modules(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? modules(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}

const folderOf = (file: string): string => path.relative(pipeline, file).split(path.sep).slice(0, -1)[0] ?? '.'

/** The runtime imports between folders (type-only imports are erased and run nothing). */
function imports(): Array<{from: string; to: string; module: string}> {
  const out: Array<{from: string; to: string; module: string}> = []
  const pattern = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm
  for (const file of modules(pipeline)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (match[1]) continue
      const target = path.resolve(path.dirname(file), match[2] ?? '')
      if (!target.startsWith(pipeline)) continue
      const from = folderOf(file)
      const to = folderOf(target)
      if (from !== to) out.push({from, to, module: path.relative(pipeline, file)})
    }
  }
  return out
}

describe('the layout of pipeline/', () => {
  it('has a layer for every folder', () => {
    const folders = readdirSync(pipeline, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
    expect(folders.filter((folder) => !(folder in layers))).toEqual([])
  })

  it('imports only downward: no folder imports one of its own layer or above', () => {
    const found = imports()
    expect(found.length).toBeGreaterThan(50)
    const upward = found.filter(({from, to}) => (layers[to] ?? 99) >= (layers[from] ?? -1)).map(({module, to}) => `${module} → ${to}/`)
    expect(upward).toEqual([])
  })
})
