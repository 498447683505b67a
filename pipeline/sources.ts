/**
 * Reading `sources/`: the raw texts, their sidecars and `edition.yml`, validated with zod.
 * A mistake gets a diagnostic naming the file, the field (with its line) and what was expected.
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import YAML, {isNode, LineCounter} from 'yaml'
import {z} from 'zod'
import {report} from './diagnostics.js'
import {documentKinds, noteConventions, type EditionConfig, type Sidecar, type SourceInput} from './types/document.js'

const nonEmpty = z.string().trim().min(1)

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
    overrides: z
      .object({
        convention: z.enum(noteConventions).optional(),
        emendations: z
          .array(z.object({find: nonEmpty, replace: z.string(), reason: nonEmpty, occurrence: z.number().int().positive().optional()}).strict())
          .optional()
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
    order: z.array(nonEmpty).default([])
  })
  .strict()

/** Extensions read as sources; anything else in the folder is reported and skipped. */
const sourceExtensions = new Set(['.txt', '.text', '.md', '.markdown'])
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
}

function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/')
}

/** Parse YAML text and validate it; report problems on `file` at the offending node. */
function parseYaml<T>(file: VFile, schema: z.ZodType<T, z.ZodTypeDef, unknown>, ruleId: string): T | undefined {
  const lineCounter = new LineCounter()
  const doc = YAML.parseDocument(String(file.value), {lineCounter, prettyErrors: false})
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0])
      report(file, ruleId, `Unexpected YAML syntax: ${error.message.split('\n')[0]}`, {line: pos.line, column: pos.col})
    }
    return undefined
  }
  const result = schema.safeParse(doc.toJS() ?? {})
  if (result.success) return result.data
  const located = result.error.issues.map((issue) => {
    const node = issue.path.length > 0 ? doc.getIn(issue.path, true) : undefined
    return {issue, offset: isNode(node) && node.range ? node.range[0] : -1}
  })
  for (const {issue, offset} of located.sort((a, b) => a.offset - b.offset)) {
    const start = offset >= 0 ? lineCounter.linePos(offset) : undefined
    const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)'
    report(file, ruleId, `Unexpected value for \`${field}\`: ${issue.message}`, start ? {line: start.line, column: start.col} : undefined)
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
    // Anything else that looks like a source (a folder, a dangling link) is named, not skipped silently.
    for (const entry of entries) {
      if (entry.isFile() || !sourceExtensions.has(path.extname(entry.name).toLowerCase())) continue
      const absolute = path.join(absoluteDir, entry.name)
      const isReadableFile = await stat(absolute).then((info) => info.isFile(), () => false)
      if (isReadableFile) {
        names.push(entry.name)
        continue
      }
      const file = new VFile({path: displayPath(absolute)})
      report(file, 'source-unreadable', `Unexpected ${entry.isDirectory() ? 'folder' : entry.isSymbolicLink() ? 'link to nothing' : 'special file'} named like a source, expected a readable text file; skipped`, {line: 1, column: 1})
      otherFiles.push(file)
    }
    names.sort()
  } catch (error) {
    const file = new VFile({path: displayPath(absoluteDir)})
    report(file, 'source-unreadable', `Cannot read the sources folder: ${error instanceof Error ? error.message : String(error)}`)
    return {edition, editionFile, sources: [], otherFiles: [file]}
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
    sources.push({input: {path: file.path, bytes, sidecar}, file, sidecarFile})
  }
  return {edition, editionFile, sources, otherFiles}
}
