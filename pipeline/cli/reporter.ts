/** The diagnostics as the CLI prints them. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {hintOf, type Severity} from '../shared/diagnostics.js'
import {terminalSafe} from './terminal.js'

/** `text` in lines of at most `width` characters, broken at spaces (a longer word is cut). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length <= width) {
      line += ` ${word}`
      continue
    }
    if (line) lines.push(line)
    while (word.length > width) {
      lines.push(word.slice(0, width))
      word = word.slice(width)
    }
    line = word
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : ['']
}

function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/**
 * The diagnostics as the CLI prints them, in lines of at most `width` columns: each file with
 * messages, then each message as `line:column  severity  reason  rule-id`, the reason wrapped
 * under itself, and the rule's hint below its first message. With `quiet`, errors only.
 */
export function diagnosticsReport(files: VFile[], quiet: boolean, width = 80): string {
  const columns = Math.max(40, Math.floor(width))
  const blocks: string[] = []
  const hinted = new Set<string>()
  const counts: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  for (const file of files) {
    const messages = file.messages.filter((message) => !quiet || message.fatal === true)
    if (messages.length === 0) continue
    // What a file name or a message holds is printed as text, never acted on by the terminal.
    const lines = wrapText(terminalSafe(file.path || '<unnamed>'), columns)
    const places = messages.map((message) => (message.line ? `${message.line}:${message.column ?? 1}` : ''))
    const placeWidth = Math.max(...places.map((place) => place.length))
    const gutter = (placeWidth > 0 ? placeWidth + 2 : 0) + 'warning'.length + 2
    const indent = ' '.repeat(gutter)
    messages.forEach((message, index) => {
      const severity = severityOf(message)
      counts[severity]++
      const text = wrapText(terminalSafe(message.reason), columns - gutter)
      // The rule id two spaces after the reason, or on a line of its own.
      if (message.ruleId) {
        const last = text.length - 1
        if (text[last]!.length + 2 + message.ruleId.length <= columns - gutter) text[last] += `  ${message.ruleId}`
        else text.push(message.ruleId)
      }
      const head = `${placeWidth > 0 ? places[index]!.padEnd(placeWidth + 2) : ''}${severity.padEnd('warning'.length + 2)}`
      lines.push(...text.map((line, at) => `${at === 0 ? head : indent}${line}`.trimEnd()))
      const hint = hintOf(message.ruleId)
      if (hint && message.ruleId && !hinted.has(message.ruleId)) {
        hinted.add(message.ruleId)
        lines.push(...wrapText(`hint: ${terminalSafe(hint)}`, columns - gutter).map((line) => `${indent}${line}`))
      }
    })
    blocks.push(lines.join('\n'))
  }
  if (blocks.length === 0) return ''
  const total = counts.error + counts.warning + counts.info
  const parts = [counts.error && `${counts.error} error${counts.error === 1 ? '' : 's'}`, counts.warning && `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`, counts.info && `${counts.info} info`].filter(Boolean)
  return `${blocks.join('\n\n')}\n\n${total} message${total === 1 ? '' : 's'} (${parts.join(', ')})`
}
