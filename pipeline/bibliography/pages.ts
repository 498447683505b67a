/** Page ranges as the bibliography and the exports give them: a start and an end, the end in full. */

/** The end of a range in full (`113`, `40` → `140`; `1195`, `8` → `1198`); anything else as printed. */
export function fullEnd(start: string, end: string): string {
  if (!/^\d+$/.test(start) || !/^\d+$/.test(end) || end.length >= start.length) return end
  const full = start.slice(0, start.length - end.length) + end
  return Number(full) > Number(start) ? full : end
}

/** The start and full end of a single range (`245-47` → `245`, `247`), or undefined. */
export function rangeOf(value: string): {from: string; to: string} | undefined {
  const match = /^(\w+)\s*[-–—]+\s*(\w+)$/.exec(value.trim())
  return match?.[1] && match[2] ? {from: match[1], to: fullEnd(match[1], match[2])} : undefined
}

/** `from` and `to` of a page or a single range (`245` → `245`, `245`); none for anything else (`22 ff.`, `45, 52`). */
export function pointsOf(value: string): {from?: string; to?: string} {
  return rangeOf(value) ?? (/^\w+$/.test(value.trim()) ? {from: value.trim(), to: value.trim()} : {})
}
