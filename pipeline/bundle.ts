/**
 * What the compiled CLI and its build threads run: scripts/compile.mjs bundles the entry points
 * (pipeline/cli.ts, pipeline/worker.ts) with this module and everything it imports
 * into ES module chunks that they share.
 */
export {main} from './cli/main.js'
export {tasks} from './build/tasks.js'
