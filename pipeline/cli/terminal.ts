/** Printing text that comes from sources, sidecars and file names on a terminal. */

/**
 * Characters that a terminal acts on instead of printing (C0 and C1 controls, DEL: escape
 * sequences move the cursor, retitle the window, rewrite what was printed) and the bidirectional
 * overrides that reorder a line; a line end in a name or reason too: one diagnostic, one line.
 */
const terminalControls = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

/** Text from a source, a sidecar or a file name, safe to print on a terminal: its controls shown as `\u{1b}`. */
export function terminalSafe(text: string): string {
  return text.replace(terminalControls, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`)
}
