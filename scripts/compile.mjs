#!/usr/bin/env node
// Compiles the TypeScript into dist/ with esbuild. Types are checked by `npm run typecheck`
// (tsc), not here.
//
// The entry points (the CLI and its build threads, the search index thread, the evaluation and
// the benchmark) are ES module bundles that share chunks; a bundle loads in about a third of
// the time of hundreds of separate modules.
import {mkdtemp, rename, rm} from 'node:fs/promises'
import {build} from 'esbuild'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

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
      // The CLI and its build threads share the pipeline's chunks (pipeline/bundle.ts); the
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
  await rm('dist', {recursive: true, force: true})
  await rename(staging, 'dist')
} catch (error) {
  await rm(staging, {recursive: true, force: true})
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
