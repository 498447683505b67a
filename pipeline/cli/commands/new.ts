/** `apparatus new DIR`: a starter edition with one sample source and its sidecar. */
import {mkdir, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

const edition = `title: "A New Edition"
editors: [Your Name]
language: en
introduction: |
  Say here what the edition gathers and why.
order:
  - sample-document
`

const sidecar = `title: "A Sample Document"
shortTitle: "Sample"
slug: sample-document
authors: [Jane Historian]
date: "1995"
publication: "Where the text first appeared"
kind: article
rights: "State the rights here"
language: en
`

const source = `A Sample Document

The harbour board met on 14 March 1826 and sent its report on the new quay to the governor's
office.[1] Historians have read the report in different ways.[2]

Notes

[1] Report from the Harbour Board to Governor Petrov, 14 March 1826, RGIA, Fond 1263, Opis 1, Delo 412, Listy 3-7.

[2] Anna Field and Tomas Lind, The Harbour and the State: Trade and Power on the Black Sea, 1794-1914 (Lincoln, NE: Meridian Press, 2004), 61-64; Ibid., 70.
`

/** Write the starter edition into `dir` (which must be empty or absent). Returns the files written. */
export async function createEdition(dir: string): Promise<string[]> {
  const sources = path.join(dir, 'sources')
  try {
    if ((await readdir(dir)).length > 0) throw new Error(`\`${dir}\` is not empty; choose a new folder`)
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
  }
  await mkdir(sources, {recursive: true})
  const files: Array<[string, string]> = [
    [path.join(sources, 'edition.yml'), edition],
    [path.join(sources, 'sample-document.yml'), sidecar],
    [path.join(sources, 'sample-document.txt'), source]
  ]
  for (const [file, content] of files) await writeFile(file, content, {flag: 'wx'})
  return files.map(([file]) => file)
}
