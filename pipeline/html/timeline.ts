/**
 * The timeline of cited archival documents, drawn as SVG at build time: one dot per dated
 * document on a time axis, dots of close dates stacked, each a link to its index entry.
 */
import type {Element} from 'hast'
import {s} from 'hastscript'
import type {ArchivalDocumentEntry} from './archives.js'

export interface TimelineOptions {
  /** Width of the drawing in SVG units (default 960). */
  width?: number
  /** Dot radius (default 6). */
  radius?: number
  /** Id of the element that labels the drawing. */
  labelledBy?: string
  /** Href of a document's entry (default `#<key>`). */
  href?: (entry: ArchivalDocumentEntry) => string
}

const emptyOptions: TimelineOptions = {}

/** Years between labelled ticks: the smallest that keeps the axis to about a dozen labels. */
const tickSteps = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]

/** Fractional year of an ISO date (`1950-01-19` → 1950.05). */
function yearOf(iso: string): number {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number)
  return year + (month - 1) / 12 + (day - 1) / 365
}

export function timeline(entries: readonly ArchivalDocumentEntry[], options: TimelineOptions = emptyOptions): Element | undefined {
  const dated = entries.filter((entry): entry is ArchivalDocumentEntry & {iso: string} => Boolean(entry.iso))
  if (dated.length === 0) return undefined
  const width = options.width ?? 960
  const radius = options.radius ?? 6
  const margin = 24
  const years = dated.map((entry) => yearOf(entry.iso))
  const first = Math.floor(Math.min(...years))
  const last = Math.floor(Math.max(...years)) + 1
  const x = (year: number) => margin + ((year - first) / (last - first)) * (width - 2 * margin)

  // Greedy stacking: a dot goes on the lowest row where it does not touch the previous one.
  const rowEnds: number[] = []
  const dots = dated.map((entry, index) => {
    const cx = x(years[index] ?? first)
    let row = rowEnds.findIndex((end) => end + 2 * radius + 2 <= cx)
    if (row === -1) row = rowEnds.length
    rowEnds[row] = cx
    return {entry, cx, row}
  })
  const rowHeight = 2 * radius + 4
  const axisY = margin + rowEnds.length * rowHeight + 4
  const height = axisY + 32
  const href = options.href ?? ((entry: ArchivalDocumentEntry) => `#${encodeURIComponent(entry.key)}`)

  const step = tickSteps.find((candidate) => (last - first) / candidate <= 12) ?? (tickSteps.at(-1) ?? 1)
  const ticks: Element[] = []
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    ticks.push(
      s('line.timeline-tick', {x1: round(x(year)), x2: round(x(year)), y1: axisY, y2: axisY + 6}),
      s('text.timeline-year', {x: round(x(year)), y: axisY + 24, textAnchor: 'middle'}, String(year))
    )
  }

  return s('svg.timeline', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    ariaLabelledby: options.labelledBy,
    role: 'group'
  }, [
    s('line.timeline-axis', {x1: margin, x2: width - margin, y1: axisY, y2: axisY}),
    ...ticks,
    ...dots.map(({entry, cx, row}) => {
      const label = [entry.date, [entry.sender, entry.recipient].filter(Boolean).join(' to '), entry.description].filter(Boolean).join(': ')
      return s('a', {href: href(entry), ariaLabel: label}, [
        s('title', label),
        s('circle.timeline-dot', {cx: round(cx), cy: axisY - radius - 4 - row * rowHeight, r: radius})
      ])
    })
  ])
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
