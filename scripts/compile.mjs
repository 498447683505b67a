#!/usr/bin/env node
// Compiles the TypeScript into dist/ with esbuild. Types are checked by `npm run typecheck`
// (tsc), not here.
//
// The entry points (the CLI and its build threads, the search index thread, the evaluation and
// the benchmark) are ES module bundles that share chunks; a bundle loads in about a third of
// the time of hundreds of separate modules.
import {createHash} from 'node:crypto'
import {copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {build} from 'esbuild'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

/**
 * The hash of the compiled modules and the files beside them, recorded in
 * `dist/pipeline/code-hash.json`: the build salts its cache with it (pipelineSalt in
 * pipeline/shared/cache.ts) instead of reading the whole of dist/ again.
 */
async function codeHash(folder) {
  const files = []
  const walk = async (dir) => {
    for (const entry of await readdir(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (/\.(?:c?js|ts|json|csl|css)$/.test(entry.name)) files.push(full)
    }
  }
  await walk(folder)
  files.sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(path.relative(folder, file)).update(await readFile(file))
  return hash.digest('hex')
}

const staging = await mkdtemp('dist.staging-')
try {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Loaded only for PDFs, and from node_modules as published (puppeteer finds its own files;
    // piscina starts its threads from its own worker script).
    external: ['puppeteer-core', 'pdf-lib', 'pagedjs', 'piscina'],
    legalComments: 'none',
    // citation-js's URL readers: Apparatus never fetches (pipeline/shared/offline-fetch.ts).
    alias: {'node-fetch': './pipeline/shared/offline-fetch.ts', 'sync-fetch': './pipeline/shared/offline-fetch.ts'},
    // For the benchmark's profiles, which name the package a bundled function comes from.
    sourcemap: 'linked',
    logLevel: 'warning',
    entryPoints: {
      // The CLI and its build threads share the pipeline's chunks; the
      // build threads are piscina's, started by pipeline/build/executor.ts from `./worker.js`.
      'pipeline/cli': 'pipeline/cli.ts',
      'pipeline/worker': 'pipeline/worker.ts',
      // Started by pipeline/build/executor.ts as `./search-worker.js`; it loads minisearch and nothing else.
      'pipeline/search-worker': 'pipeline/build/search-worker.ts',
      'pipeline/eval/cli': 'pipeline/eval/cli.ts',
      'bench/run': 'bench/run.ts',
      'bench/build-once': 'bench/build-once.ts'
    },
    outdir: staging,
    chunkNames: 'pipeline/chunk-[hash]',
    splitting: true,
    format: 'esm',
    // Bundled CommonJS modules (citeproc, citation-js) call `require` for Node's own modules.
    banner: {js: "import {createRequire as __apparatusCreateRequire} from 'node:module'; const require = __apparatusCreateRequire(import.meta.url);"}
  })
  // The citation model's weights, read (and parsed) when first needed rather than compiled into
  // a bundle as a 2 MB string literal (pipeline/citations/model/index.ts).
  await mkdir(path.join(staging, 'pipeline/citations/model'), {recursive: true})
  await copyFile('pipeline/citations/model/weights.json', path.join(staging, 'pipeline/citations/model/weights.json'))
  await writeFile(path.join(staging, 'pipeline/code-hash.json'), JSON.stringify({sha256: await codeHash(path.join(staging, 'pipeline'))}) + '\n')
  await rm('dist', {recursive: true, force: true})
  await rename(staging, 'dist')
} catch (error) {
  await rm(staging, {recursive: true, force: true})
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
