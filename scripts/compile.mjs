#!/usr/bin/env node
// Compiles the TypeScript entry points into dist/ with esbuild: one bundle per command, the
// modules they share in chunks beside them. A bundle loads in about a third of the time of
// hundreds of separate modules, which is most of a small edition's build. Types are checked by
// `npm run typecheck` (tsc), not here.
import {mkdtemp, rename, rm} from 'node:fs/promises'
import {build} from 'esbuild'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

const staging = await mkdtemp('dist.staging-')
try {
  await build({
    entryPoints: {
      'pipeline/cli': 'pipeline/cli.ts',
      // Started by pipeline/pool.ts as `./worker.js` beside the module that holds the pool:
      // the chunks are written to the same folder.
      'pipeline/worker': 'pipeline/worker.ts',
      // Started by pipeline/pool.ts as `./search-worker.js`, the same way.
      'pipeline/search-worker': 'pipeline/search-worker.ts',
      'pipeline/eval/cli': 'pipeline/eval/cli.ts',
      'bench/run': 'bench/run.ts',
      'bench/build-once': 'bench/build-once.ts'
    },
    outdir: staging,
    chunkNames: 'pipeline/chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Loaded only for PDFs, and from node_modules as published (puppeteer finds its own files).
    external: ['puppeteer-core', 'pdf-lib', 'pagedjs'],
    // Bundled CommonJS modules (citeproc, citation-js) call `require` for Node's own modules.
    banner: {js: "import {createRequire as __apparatusCreateRequire} from 'node:module'; const require = __apparatusCreateRequire(import.meta.url);"},
    legalComments: 'none',
    // For the benchmark's profiles, which name the package a bundled function comes from.
    sourcemap: 'linked',
    logLevel: 'warning'
  })
  await rm('dist', {recursive: true, force: true})
  await rename(staging, 'dist')
} catch (error) {
  await rm(staging, {recursive: true, force: true})
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
