/** How gold and predicted values are made comparable (printing differences are not errors). */
import type {CslDate, CslName} from '../shared/types/csl.js'

export function normalizeText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’ʹ]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim()
    .replace(/[.,;:]+$/, '')
    .trim()
    .toLowerCase()
}

function normalizeName(name: CslName): string {
  if (name.literal) return normalizeText(name.literal)
  const given = (name.given ?? '').replace(/\.\s+/g, '.')
  return normalizeText(`${name.family ?? ''}|${given}`)
}

export function normalizeNames(names: CslName[] | undefined): string | undefined {
  if (!names || names.length === 0) return undefined
  return names.map(normalizeName).join('; ')
}

export function normalizeDate(date: CslDate | undefined): string | undefined {
  if (!date) return undefined
  const printed = date.raw ?? date.literal
  if (printed) return normalizeText(printed)
  const parts = date['date-parts']?.[0]
  return parts ? parts.join('-') : undefined
}

export function normalizeLocator(value: string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined
  return normalizeText(value.replace(/^(?:pp?\.|ll?\.|listy?)\s*/i, '')).replace(/\s*,\s*/g, ', ')
}
