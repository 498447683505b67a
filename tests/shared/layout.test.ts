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
const templates = fileURLToPath(new URL('../../templates/', import.meta.url))

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

const importPattern = /^\s*(?:import|export)\s+(?:type\s+)?[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm

/** The modules a module imports (type-only imports too: a circle of types is still a circle). */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(importPattern)].map((match) => path.resolve(path.dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts')))
}

/** The imports between folders of pipeline/. */
function imports(): Array<{from: string; to: string; module: string}> {
  const out: Array<{from: string; to: string; module: string}> = []
  for (const file of modules(pipeline)) {
    for (const target of importsOf(file)) {
      if (!target.startsWith(pipeline)) continue
      const from = folderOf(file)
      const to = folderOf(target)
      if (from !== to) out.push({from, to, module: path.relative(pipeline, file)})
    }
  }
  return out
}

/** The circles of modules importing each other (strongly connected components, Tarjan). */
function circles(files: string[]): string[][] {
  const known = new Set(files)
  const edges = new Map(files.map((file) => [file, importsOf(file).filter((target) => known.has(target))]))
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (file: string): void => {
    index.set(file, index.size)
    low.set(file, index.get(file) ?? 0)
    stack.push(file)
    onStack.add(file)
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0))
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0))
    }
    if (low.get(file) !== index.get(file)) return
    const component: string[] = []
    let top: string | undefined
    do {
      top = stack.pop()
      if (top === undefined) break
      onStack.delete(top)
      component.push(path.relative(path.dirname(pipeline), top))
    } while (top !== file)
    if (component.length > 1) found.push(component.sort())
  }
  for (const file of files) if (!index.has(file)) visit(file)
  return found
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

  it('runs one way between the stages and the page templates: the build hands the templates to the html stage', () => {
    const pageTemplates = path.join(templates, 'html')
    // No stage imports the page templates; the build (and what is above it) may.
    const fromStages = modules(pipeline).filter((file) => (layers[folderOf(file)] ?? 99) < (layers.build ?? 0) && importsOf(file).some((target) => target.startsWith(pageTemplates)))
    expect(fromStages.map((file) => path.relative(pipeline, file))).toEqual([])
    // The page templates use the html stage's helpers and what is below it, never the build.
    const above = modules(templates).flatMap((file) => importsOf(file).filter((target) => target.startsWith(pipeline) && (layers[folderOf(target)] ?? 99) > (layers.html ?? 0)).map((target) => `${path.relative(templates, file)} → ${path.relative(pipeline, target)}`))
    expect(above).toEqual([])
    expect(modules(pageTemplates).some((file) => importsOf(file).some((target) => target.startsWith(path.join(pipeline, 'html'))))).toBe(true)
  })

  it('has no circle of modules importing each other, in pipeline/ and the templates', () => {
    const files = [...modules(pipeline), ...modules(templates)]
    expect(files.length).toBeGreaterThan(200)
    expect(circles(files)).toEqual([])
  })
})
