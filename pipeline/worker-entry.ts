/** A build thread's entry (dist/pipeline/worker.js, started by pipeline/pool.ts). */
import {serveBuildTasks} from './bundle.js'

serveBuildTasks()
