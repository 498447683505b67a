/**
 * What the compiled CLI and its build threads run: scripts/compile.mjs bundles this module and
 * everything it imports into one CommonJS file, `dist/pipeline/apparatus.cjs`, which the entry
 * points load with V8's code cache (pipeline/load-bundle.ts).
 */
export {main} from './cli.js'
export {serveBuildTasks} from './worker.js'
export {offerWorker} from './pool.js'
