/**
 * Progress of a build on the terminal. On a TTY, a task list: one line per stage with a bar,
 * redrawn in place. Elsewhere (CI, a pipe), plain lines: the start and end of each stage and
 * every tenth of the way between, so a log of a large edition stays readable.
 */
import type {ProgressListener} from '../build/context.js'
import {terminalSafe} from './terminal.js'

export type {ProgressListener} from '../build/context.js'

export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
}

interface StageState {
  done: number
  total: number
  label: string
  /** The tenth of the way last printed (plain lines). */
  printedTenth: number
}

const barWidth = 24
/** Redraws at most this often on a TTY (the last step of a stage is always drawn). */
const redrawMs = 80

function bar(done: number, total: number): string {
  const filled = Math.round((done / Math.max(total, 1)) * barWidth)
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`
}

function line(stage: string, state: StageState, columns: number): string {
  const mark = state.done >= state.total ? '✔' : '…'
  const text = `${mark} ${stage.padEnd(12)} ${bar(state.done, state.total)} ${`${state.done}/${state.total}`.padStart(11)} ${state.label}`
  return text.length > columns ? text.slice(0, columns - 1) : text
}

/** A listener that draws progress on `stream`. */
export function progressReporter(stream: ProgressStream & {columns?: number}): ProgressListener {
  const stages = new Map<string, StageState>()
  let drawn = 0
  let lastDraw = 0

  const redraw = (force: boolean) => {
    const now = performance.now()
    if (!force && now - lastDraw < redrawMs) return
    lastDraw = now
    const columns = stream.columns ?? 80
    // Back to the first line of the list, then every line cleared and written again.
    let text = drawn > 0 ? `\u001B[${drawn}F` : ''
    for (const [stage, state] of stages) text += `\u001B[2K${line(stage, state, columns)}\n`
    drawn = stages.size
    stream.write(text)
  }

  return (stage, done, total, label) => {
    let state = stages.get(stage)
    const first = !state
    // A label is a file name: its controls are shown, not sent to the terminal.
    label = terminalSafe(label)
    if (!state) stages.set(stage, (state = {done, total, label, printedTenth: -1}))
    Object.assign(state, {done, total, label})
    const finished = done >= total
    if (stream.isTTY) {
      redraw(first || finished)
      return
    }
    const tenth = Math.floor((done / Math.max(total, 1)) * 10)
    if (first || finished || tenth > state.printedTenth) {
      state.printedTenth = tenth
      stream.write(`${stage} ${done}/${total}${label ? ` ${label}` : ''}\n`)
    }
  }
}
