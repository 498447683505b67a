/** A build thread's entry (dist/pipeline/worker.js, started by pipeline/pool.ts). */
import {loadBundle} from './load-bundle.js'

loadBundle().serveBuildTasks()
