// Verse a flush-left text sets in from the margin: its lines are kept as printed, in the body and
// in the notes that quote it.
import {isBlank, type RawLine} from '../lines.js'
import {keptClose, keptOpen} from './dp-markup.js'

/** Longest line of verse set in from the margin (characters, indentation aside). */
const verseLineLength = 70

/**
 * The lines (their offsets) after the first of each run of verse a flush-left text sets in from
 * the margin: two or more indented lines, each opening with a capital (as verse lines do and
 * wrapped prose lines mostly do not). Their line breaks are kept; `withFirst` counts each run's
 * first line too. A line `exclude` matches is no verse (a note's opener, say).
 */
export function verseLines(lines: readonly RawLine[], withFirst = false, exclude?: RegExp): Set<number> {
  const out = new Set<number>()
  const filled = lines.filter((line) => !isBlank(line))
  const indented = (line: RawLine) => /^(?: {2,}|\t)\S/.test(line.text)
  if (filled.filter(indented).length * 2 > filled.length) return out
  let run: RawLine[] = []
  const close = () => {
    const verse = run.length >= 2 && run.every((line) => {
      const text = line.text.trim()
      return text.length <= verseLineLength && /^[“"‘'(]?\p{Lu}/u.test(text) && !/\p{L}-$/u.test(text) && !(exclude?.test(text) ?? false)
    })
    if (verse) for (const line of withFirst ? run : run.slice(1)) out.add(line.offset)
    run = []
  }
  for (const line of lines) {
    if (!isBlank(line) && indented(line)) run.push(line)
    else close()
  }
  close()
  return out
}

/**
 * Whether a set-in line of a note goes on a sentence the note's text before it leaves open: a
 * hanging indent of wrapped prose, not verse.
 */
export function goesOnSentence(before: string): boolean {
  return !/[.,:;!?—–-][”’"')\]]*$/u.test(before.trimEnd())
}

/**
 * Which lines of a note keep their line break, as the note's lines are read in order: lines of
 * verse set in from the margin (a run whose first line goes on a sentence the text before leaves
 * open is a hanging indent, not verse) and the lines inside DP's kept blocks (`/*` … `*\/`).
 */
export interface LineKeeping {
  /**
   * Reads the next line, `indented` where it is verse set in; `goesOn` says whether the text
   * before goes on into it (asked at a run's first line). Whether the line keeps its own line.
   */
  own(indented: boolean, goesOn: () => boolean): boolean
  /** Whether a line is set after a break: kept on its own line, or after a line that was. */
  breaksBefore(ownLine: boolean): boolean
  /** After a line: whether it stood on its own line. */
  done(ownLine: boolean): void
  /** A DP block marker line: opens or closes a kept block. */
  marker(value: string): void
  /** A new note: a kept block does not run over into it. */
  close(): void
}

export function lineKeeping(): LineKeeping {
  let kept = false
  let lineKept = false
  let hanging = false
  let inRun = false
  return {
    own(indented, goesOn) {
      // A run of set-in lines is verse or a hanging indent as a whole, as its first line goes on from the text before it.
      if (!indented) hanging = false
      else if (!inRun) hanging = !kept && goesOn()
      inRun = indented
      return kept || (indented && !hanging)
    },
    breaksBefore: (ownLine) => ownLine || lineKept,
    done(ownLine) {
      lineKept = ownLine
    },
    marker(value) {
      if (keptOpen.test(value)) kept = true
      else if (keptClose.test(value)) kept = false
    },
    close() {
      kept = false
    }
  }
}
