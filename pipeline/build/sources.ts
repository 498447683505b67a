/**
 * Reading `sources/`: the raw texts, their sidecars and `edition.yml`, validated with zod.
 * A mistake gets a diagnostic naming the file, the field (with its line) and what was expected.
 */
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import YAML, {isMap, isNode, isScalar, LineCounter} from 'yaml'
import {z} from 'zod'
import {cslDateFields, cslNameFields, cslStringFields, cslTypes, locatorLabelNames} from '../citations/csl-fields.js'
import {isEncodingLabel} from '../ingest/decode.js'
import {slugOf} from '../ingest/meta.js'
import {report} from './rules.js'
import {isErrno} from '../shared/output.js'
import type {CslDate, CslName} from '../shared/types/csl.js'
import {documentKinds, noteConventions, type CslPatch, type EditionConfig, type Sidecar, type SourceInput} from '../shared/types/document.js'
import {escapeRegExp} from '../shared/regexp.js'

const nonEmpty = z.string().trim().min(1)

/** A note number as printed: `47` or `"47"`. */
const noteLabel = z.union([nonEmpty, z.number().int().nonnegative()]).transform(String)

const noteOverrideSchema = z
  .object({
    note: noteLabel,
    reason: nonEmpty,
    end: nonEmpty.optional(),
    resume: nonEmpty.optional(),
    split: nonEmpty.optional(),
    label: noteLabel.optional(),
    mergeWith: noteLabel.optional(),
    marker: z.enum(['text', 'removed']).optional()
  })
  .strict()
  .superRefine((override, context) => {
    const actions = [override.end && 'end', override.split && 'split', override.mergeWith && 'mergeWith'].filter(Boolean)
    if (actions.length !== 1) {
      const found = actions.length === 0 ? 'none' : actions.join(' and ')
      context.addIssue({code: 'custom', message: `expected exactly one of \`end\`, \`split\` or \`mergeWith\`, found ${found}`})
    }
    const companions = [
      {field: 'resume', value: override.resume, action: 'end', given: override.end},
      {field: 'label', value: override.label, action: 'split', given: override.split},
      {field: 'marker', value: override.marker, action: 'mergeWith', given: override.mergeWith}
    ]
    for (const {field, value, action, given} of companions) {
      if (value !== undefined && given === undefined) context.addIssue({code: 'custom', path: [field], message: `expected \`${field}\` only with \`${action}\``})
    }
  })

/** Issues of a nested parse, reported at `field` of the value being transformed. */
function forward(error: z.ZodError, field: string, context: z.RefinementCtx): void {
  for (const issue of error.issues) context.addIssue({code: 'custom', path: [field, ...issue.path], message: issue.message})
}

const cslString = z.union([z.string().trim().min(1), z.number()]).transform(String).nullable()
const cslName = z.union([
  z.string().trim().min(1).transform((name): CslName => {
    const comma = name.indexOf(',')
    return comma === -1 ? {literal: name} : {family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim()}
  }),
  z.object({family: nonEmpty, given: nonEmpty, literal: nonEmpty, suffix: nonEmpty, 'dropping-particle': nonEmpty, 'non-dropping-particle': nonEmpty}).partial().strict()
])
const cslNames = z.array(cslName).min(1).nullable()
const cslDate = z
  .union([
    z.union([z.string().trim().min(1), z.number().int()]).transform((value): CslDate => {
      const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value))
      return iso ? {'date-parts': [iso.slice(1).filter((part) => part !== undefined).map(Number)]} : {literal: String(value)}
    }),
    z.object({'date-parts': z.array(z.array(z.union([z.number(), z.string()])).min(1)).min(1), literal: z.string(), raw: z.string(), season: z.union([z.number(), z.string()]), circa: z.union([z.boolean(), z.string(), z.number()])}).partial().strict()
  ])
  .nullable()

const stringFields = new Set<string>(cslStringFields)
const nameFields = new Set<string>(cslNameFields)
const dateFields = new Set<string>(cslDateFields)
const isStringField = (field: string): field is (typeof cslStringFields)[number] => stringFields.has(field)
const isNameField = (field: string): field is (typeof cslNameFields)[number] => nameFields.has(field)
const isDateField = (field: string): field is (typeof cslDateFields)[number] => dateFields.has(field)

/** CSL-JSON fields of a citation override: names as `Family, Given`, dates as `1993-11-04` too. */
const cslPatchSchema = z.record(z.string(), z.unknown()).transform((fields, context) => {
  const patch: CslPatch = {}
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'type') {
      const parsed = z.enum(cslTypes).safeParse(value)
      if (parsed.success) patch.type = parsed.data
      else forward(parsed.error, field, context)
    } else if (isStringField(field)) {
      const parsed = cslString.safeParse(value)
      if (parsed.success) patch[field] = parsed.data
      else forward(parsed.error, field, context)
    } else if (isNameField(field)) {
      const parsed = cslNames.safeParse(value)
      if (parsed.success) patch[field] = parsed.data
      else forward(parsed.error, field, context)
    } else if (isDateField(field)) {
      const parsed = cslDate.safeParse(value)
      if (parsed.success) patch[field] = parsed.data
      else forward(parsed.error, field, context)
    } else {
      context.addIssue({code: 'custom', path: [field], message: 'expected a CSL-JSON variable such as `type`, `title`, `author`, `container-title` or `issued`'})
    }
  }
  return patch
})

const citationOverrideSchema = z
  .object({
    note: z.number().int().positive(),
    citation: z.number().int().positive(),
    reason: nonEmpty,
    csl: cslPatchSchema.optional(),
    key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a key of lowercase letters, digits and single hyphens').optional(),
    locator: z.union([nonEmpty, z.number()]).transform(String).optional(),
    label: z.enum(locatorLabelNames).optional()
  })
  .strict()
  .superRefine((override, context) => {
    if (override.csl === undefined && override.key === undefined && override.locator === undefined && override.label === undefined) {
      context.addIssue({code: 'custom', message: 'expected at least one of `csl`, `key`, `locator` or `label`'})
    }
  })

const sidecarSchema = z
  .object({
    title: nonEmpty.optional(),
    shortTitle: nonEmpty.optional(),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug of lowercase letters, digits and single hyphens').optional(),
    authors: z.array(nonEmpty).optional(),
    date: z.union([z.string(), z.number()]).transform(String).optional(),
    publication: nonEmpty.optional(),
    kind: z.enum(documentKinds).optional(),
    rights: nonEmpty.optional(),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'a BCP 47 language tag such as `en` or `ru`').optional(),
    encoding: z
      .string()
      .refine(isEncodingLabel, (label) => ({message: `an encoding Apparatus can read, such as \`koi8-r\`, \`windows-1251\` or \`shift_jis\`, not \`${label}\``}))
      .optional(),
    sic: z.array(nonEmpty).optional(),
    overrides: z
      .object({
        convention: z.enum(noteConventions).optional(),
        emendations: z
          .array(z.object({find: nonEmpty, replace: z.string(), reason: nonEmpty, occurrence: z.number().int().positive().optional()}).strict())
          .optional(),
        notes: z.array(noteOverrideSchema).optional(),
        citations: z.array(citationOverrideSchema).optional()
      })
      .strict()
      .optional()
  })
  .strict()

const editionSchema = z
  .object({
    title: nonEmpty,
    subtitle: nonEmpty.optional(),
    editors: z.array(nonEmpty).default([]),
    introduction: z.string().optional(),
    language: z.string().default('en'),
    date: z.union([z.string(), z.number()]).transform(String).optional(),
    baseUrl: z.string().url().regex(/^https?:\/\//, 'an http(s) address').transform((url) => (url.endsWith('/') ? url : `${url}/`)).optional(),
    order: z.array(nonEmpty).default([])
  })
  .strict()

/** Extensions read as sources; anything else in the folder is reported and skipped. */
const sourceExtensions = new Set(['.txt', '.text', '.md', '.markdown', '.xml', '.html', '.htm', '.docx'])
const sidecarExtensions = new Set(['.yml', '.yaml'])

export interface LoadedSource {
  input: SourceInput
  /** The raw source's file: ingest diagnostics go here. */
  file: VFile
  /** The sidecar's file, when there is one: its diagnostics go here. */
  sidecarFile?: VFile
}

export interface LoadedSources {
  edition: EditionConfig
  editionFile: VFile
  sources: LoadedSource[]
  /** Files with diagnostics that are not sources (unknown files, the folder itself). */
  otherFiles: VFile[]
  /** The sources folder itself could not be read: there is nothing to build. */
  unreadable?: boolean
}

function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/')
}

/** How many nodes aliases may expand to in a sidecar or edition.yml (yaml's default, made explicit). */
const maxAliasCount = 100

/** Offset of the alias that names no anchor, or else of the first alias. */
function offendingAlias(doc: YAML.Document.Parsed): number | undefined {
  let first: number | undefined
  let unresolved: number | undefined
  YAML.visit(doc, {
    Alias(_, node) {
      const offset = node.range?.[0]
      if (offset === undefined) return
      first ??= offset
      if (unresolved === undefined && node.resolve(doc) === undefined) unresolved = offset
    }
  })
  return unresolved ?? first
}

/** The keys an object of `schema` takes at `at` (through optional, default, effects and arrays). */
function knownKeys(schema: z.ZodTypeAny, at: ReadonlyArray<string | number>): string[] {
  let current: z.ZodTypeAny | undefined = schema
  let rest = [...at]
  for (;;) {
    if (!current) return []
    if (current instanceof z.ZodEffects) current = current.innerType() as z.ZodTypeAny
    else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodTypeAny
    else if (current instanceof z.ZodDefault) current = current.removeDefault() as z.ZodTypeAny
    else if (rest.length === 0) return current instanceof z.ZodObject ? Object.keys(current.shape as object) : []
    else if (current instanceof z.ZodArray && typeof rest[0] === 'number') {
      current = current.element as z.ZodTypeAny
      rest = rest.slice(1)
    } else if (current instanceof z.ZodObject && typeof rest[0] === 'string') {
      current = (current.shape as Record<string, z.ZodTypeAny>)[rest[0]]
      rest = rest.slice(1)
    } else return []
  }
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]!
}

/** The known key a misspelt one is closest to (case aside, at most a third of its letters off). */
function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: {key: string; distance: number} | undefined
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase())
    if (distance <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = {key: candidate, distance}
  }
  return best?.key
}

/** Parse YAML text and validate it; report problems on `file` at the offending node. */
function parseYaml<T>(file: VFile, schema: z.ZodType<T, z.ZodTypeDef, unknown>, ruleId: string): T | undefined {
  const lineCounter = new LineCounter()
  let doc: YAML.Document.Parsed
  try {
    doc = YAML.parseDocument(String(file.value), {lineCounter, prettyErrors: false})
  } catch (error) {
    report(file, ruleId, `Unexpected YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, {line: 1, column: 1})
    return undefined
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0])
      report(file, ruleId, `Unexpected YAML syntax: ${error.message.split('\n')[0]}`, {line: pos.line, column: pos.col})
    }
    return undefined
  }
  let value: unknown
  try {
    // Aliases that expand past `maxAliasCount` nodes (a billion-laughs file) or name no anchor throw.
    value = doc.toJS({maxAliasCount: maxAliasCount})
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    const alias = offendingAlias(doc)
    const pos = alias ? lineCounter.linePos(alias) : {line: 1, col: 1}
    report(file, ruleId, `Unexpected YAML alias: ${message}; expected plain values (aliases expanding to more than ${maxAliasCount} nodes are refused)`, {line: pos.line, column: pos.col})
    return undefined
  }
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  // An unknown key is placed at the key itself, with the known key it is closest to.
  const issues = result.error.issues.flatMap((issue): Array<{path: Array<string | number>; message: string; unknownKey?: string}> =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({path: [...issue.path, key], message: issue.message, unknownKey: key})) : [{path: issue.path, message: issue.message}]
  )
  const keyOffset = (issuePath: ReadonlyArray<string | number>, key: string): number | undefined => {
    const parent = issuePath.length > 1 ? doc.getIn(issuePath.slice(0, -1), true) : doc.contents
    if (!isMap(parent)) return undefined
    const pair = parent.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === key)
    return isNode(pair?.key) && pair.key.range ? pair.key.range[0] : undefined
  }
  const located = issues.map((issue) => {
    if (issue.unknownKey !== undefined) {
      const offset = keyOffset(issue.path, issue.unknownKey)
      if (offset !== undefined) return {issue, offset}
    }
    // A missing field is placed at the nearest value that holds it.
    for (let depth = issue.path.length; depth > 0; depth--) {
      const node = doc.getIn(issue.path.slice(0, depth), true)
      if (isNode(node) && node.range) return {issue, offset: node.range[0]}
    }
    return {issue, offset: -1}
  })
  for (const {issue, offset} of located.sort((a, b) => a.offset - b.offset)) {
    const start = offset >= 0 ? lineCounter.linePos(offset) : undefined
    const place = start ? {line: start.line, column: start.col} : undefined
    if (issue.unknownKey !== undefined) {
      const known = knownKeys(schema, issue.path.slice(0, -1))
      const near = closestKey(issue.unknownKey, known)
      const where = issue.path.length > 1 ? ` in \`${issue.path.slice(0, -1).join('.')}\`` : ''
      const expected = near ? `did you mean \`${near}\`?` : known.length > 0 ? `expected one of ${known.map((key) => `\`${key}\``).join(', ')}` : 'expected no other key'
      report(file, ruleId, `Unknown key \`${issue.unknownKey}\`${where}; ${expected}`, place)
      continue
    }
    const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)'
    report(file, ruleId, `Unexpected value for \`${field}\`: ${issue.message}`, place)
  }
  return undefined
}

async function readText(absolute: string, file: VFile, ruleId: string): Promise<boolean> {
  try {
    file.value = await readFile(absolute, 'utf8')
    return true
  } catch (error) {
    report(file, ruleId, `Cannot read file: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}

/** Read the edition config, every source and its sidecar from `dir`. */
export async function loadSources(dir: string): Promise<LoadedSources> {
  const absoluteDir = path.resolve(dir)
  const otherFiles: VFile[] = []
  const editionPath = ['edition.yml', 'edition.yaml'].map((name) => path.join(absoluteDir, name))
  const editionFile = new VFile({path: displayPath(editionPath[0]!)})
  let edition: EditionConfig = {title: path.basename(path.dirname(absoluteDir)) || 'Edition', editors: [], language: 'en', order: []}

  let names: string[] = []
  try {
    const entries = await readdir(absoluteDir, {withFileTypes: true})
    names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort()
    // Links are followed only within the sources folder: one to a file elsewhere (a user's
    // private file, /etc/passwd) would otherwise be published.
    const realDir = await realpath(absoluteDir).catch(() => absoluteDir)
    // Anything else that looks like a source (a folder, a dangling link) is named, not skipped silently.
    for (const entry of entries) {
      if (entry.isFile() || !sourceExtensions.has(path.extname(entry.name).toLowerCase())) continue
      const absolute = path.join(absoluteDir, entry.name)
      const linked = await stat(absolute).then((info) => (info.isFile() ? 'file' : info.isDirectory() ? 'a folder' : 'a special file'), (error: unknown) => (isErrno(error) && error.code === 'ELOOP' ? 'itself (a loop of links)' : 'nothing'))
      const isReadableFile = linked === 'file'
      if (isReadableFile && entry.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined)
        const relative = target === undefined ? '..' : path.relative(realDir, target)
        if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
          const file = new VFile({path: displayPath(absolute)})
          report(file, 'source-outside', 'Unexpected link to a file outside the sources folder, expected a file in it; not read', {line: 1, column: 1})
          otherFiles.push(file)
          continue
        }
      }
      if (isReadableFile) {
        names.push(entry.name)
        continue
      }
      const file = new VFile({path: displayPath(absolute)})
      report(file, 'source-unreadable', `Unexpected ${entry.isDirectory() ? 'folder' : entry.isSymbolicLink() ? `link to ${linked}` : 'special file'} named like a source, expected a readable text file; skipped`, {line: 1, column: 1})
      otherFiles.push(file)
    }
    names.sort()
  } catch (error) {
    const file = new VFile({path: displayPath(absoluteDir)})
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message : String(error)
    report(file, 'sources-unreadable', `Cannot read the sources folder \`${displayPath(absoluteDir)}\`: ${why}`)
    return {edition, editionFile, sources: [], otherFiles: [file], unreadable: true}
  }

  const editionName = names.find((name) => name === 'edition.yml' || name === 'edition.yaml')
  if (editionName) {
    editionFile.path = displayPath(path.join(absoluteDir, editionName))
    if (await readText(path.join(absoluteDir, editionName), editionFile, 'edition-invalid')) {
      const parsed = parseYaml(editionFile, editionSchema, 'edition-invalid')
      if (parsed) edition = {...parsed}
    }
  }

  const nameSet = new Set(names)
  const sources: LoadedSource[] = []
  for (const name of names) {
    if (name === editionName) continue
    if (name.startsWith('.')) {
      if (sourceExtensions.has(path.extname(name).toLowerCase())) {
        const file = new VFile({path: displayPath(path.join(absoluteDir, name))})
        report(file, 'hidden-source', `Unexpected hidden file \`${name}\` named like a source, expected a name without a leading dot; skipped`, {line: 1, column: 1})
        otherFiles.push(file)
      }
      continue
    }
    const ext = path.extname(name).toLowerCase()
    if (sidecarExtensions.has(ext)) {
      const stem = name.slice(0, -ext.length)
      if (![...sourceExtensions].some((sourceExt) => nameSet.has(stem + sourceExt))) {
        const file = new VFile({path: displayPath(path.join(absoluteDir, name))})
        report(file, 'sidecar-orphan', `Unexpected sidecar \`${name}\` without a source, expected a source named \`${stem}.txt\` or \`${stem}.md\``)
        otherFiles.push(file)
      }
      continue
    }
    const absolute = path.join(absoluteDir, name)
    if (!sourceExtensions.has(ext)) {
      const file = new VFile({path: displayPath(absolute)})
      report(file, 'unknown-source-type', `Unexpected file type \`${ext || '(none)'}\`, expected one of ${[...sourceExtensions].join(', ')}; skipped`)
      otherFiles.push(file)
      continue
    }
    const file = new VFile({path: displayPath(absolute)})
    let bytes: Uint8Array
    try {
      bytes = await readFile(absolute)
    } catch (error) {
      report(file, 'source-unreadable', `Cannot read source: ${error instanceof Error ? error.message : String(error)}`)
      otherFiles.push(file)
      continue
    }
    const stem = name.slice(0, -ext.length)
    const sidecarName = [...sidecarExtensions].map((sidecarExt) => stem + sidecarExt).find((candidate) => nameSet.has(candidate))
    let sidecar: Sidecar | undefined
    let sidecarFile: VFile | undefined
    if (sidecarName) {
      sidecarFile = new VFile({path: displayPath(path.join(absoluteDir, sidecarName))})
      if (await readText(path.join(absoluteDir, sidecarName), sidecarFile, 'sidecar-invalid')) {
        sidecar = parseYaml(sidecarFile, sidecarSchema, 'sidecar-invalid')
      }
    }
    const input: SourceInput = {path: file.path, bytes, sidecar}
    if (sidecarFile && !sidecar) input.sidecarInvalid = true
    sources.push({input, file, sidecarFile})
  }
  if (sources.length === 0) {
    // A folder without sources (a wrong --sources) would replace the edition with an empty one.
    const file = new VFile({path: displayPath(absoluteDir)})
    report(file, 'sources-empty', `Unexpected sources folder \`${displayPath(absoluteDir)}\` without a source, expected at least one file of ${[...sourceExtensions].join(', ')}; nothing was built`)
    return {edition, editionFile, sources, otherFiles: [...otherFiles, file], unreadable: true}
  }
  return {edition, editionFile, sources, otherFiles}
}

/** Whether one of the `--only` globs selects a source, by the sidecar's slug or the file name (the globs compiled once). */
export function selectedBy(globs: readonly string[]): (input: LoadedSource['input']) => boolean {
  const patterns = globs.map(globToRegExp)
  return (input) => {
    const slug = input.sidecar?.slug ?? slugOf(input.path)
    const name = path.basename(input.path)
    return patterns.some((pattern) => pattern.test(slug) || pattern.test(name))
  }
}

function globToRegExp(glob: string): RegExp {
  const escaped = escapeRegExp(glob).replace(/\\\*/g, '.*').replace(/\\\?/g, '.')
  return new RegExp(`^${escaped}$`)
}
