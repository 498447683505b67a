import {strToU8, zipSync} from 'fflate'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ingestSource, lostWords} from '../../../pipeline/ingest/index.js'
import {stringifyDocument} from '../../../pipeline/markdown/index.js'

const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

function read(parts: Record<string, string>) {
  const path = 'sources/paper.docx'
  const file = new VFile({path})
  const bytes = zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])))
  const result = ingestSource({path, bytes}, file)
  const markdown = result ? stringifyDocument(result.meta, result.tree) : ''
  return {result, markdown, file}
}

describe('Word reader', () => {
  it('reports malformed XML in a part with its place, and reads nothing', () => {
    const {result, file} = read({'word/document.xml': `<w:document ${w}><w:body><w:p><w:r><w:t>Text</w:r></w:p></w:body></w:document>`})
    expect(result).toBeUndefined()
    const message = file.messages[0]
    expect(message?.ruleId).toBe('docx-invalid')
    expect(message?.fatal).toBe(true)
    expect(message?.line).toBe(1)
  })

  it('keeps a word whose letters a tracked deletion splits, and a custom note mark', () => {
    const document = `<w:document ${w}><w:body><w:p><w:r><w:t>The colo</w:t></w:r><w:del w:id="1"><w:r><w:delText>u</w:delText></w:r></w:del><w:r><w:t>r red.</w:t></w:r>` +
      `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/></w:r><w:r><w:t>*</w:t></w:r></w:p></w:body></w:document>`
    const footnotes = `<w:footnotes ${w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>A starred note.</w:t></w:r></w:p></w:footnote></w:footnotes>`
    const {result, markdown} = read({'word/document.xml': document, 'word/footnotes.xml': footnotes})
    expect(markdown).toContain('The colo:removed[u]{rule="word-deletion"}r red.[^star]')
    expect(markdown).toContain('[^star]: A starred note.')
    expect(result?.meta.counts.notes).toBe(1)
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })
  it('reads symbol notes typed as paragraphs after the paragraph that calls them', () => {
    const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
    const document = `<w:document ${w}><w:body>` +
      paragraph('The sluice at Ambry was rebuilt in stone.* Its keeper was paid by the tide.†') +
      paragraph('* Vestry book, 1702.') + paragraph('† Ibid., 1704.') +
      paragraph('A second sluice followed at Wenn.* It stands yet.') + paragraph('* Survey of the level, sheet 4.') +
      `</w:body></w:document>`
    const {result, markdown} = read({'word/document.xml': document})
    expect(markdown).toContain('rebuilt in stone.[^star-1] Its keeper was paid by the tide.[^dagger-1]')
    expect(markdown).toContain('at Wenn.[^star-2] It stands yet.')
    expect(markdown).toContain('[^star-1]: Vestry book, 1702.')
    expect(markdown).toContain('[^dagger-1]: Ibid., 1704.')
    expect(markdown).toContain('[^star-2]: Survey of the level, sheet 4.')
    expect(result?.meta.counts.notes).toBe(3)
    expect(result?.witness).toContain('Survey of the level')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })
  it('reads raised numbers with the notes of each page typed after its text, numbering restarting', () => {
    const run = (text: string, raised = false) => `<w:r>${raised ? '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`
    const paragraph = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`
    const document = `<w:document ${w}><w:body>` +
      paragraph(run('The quarry at Penwick sent slate to the coast.'), run('1', true), run(' Carts went by the ridge road.'), run('2', true)) +
      paragraph(run('1', true), run(' Penwick estate rental, 1811.')) + paragraph(run('2', true), run(' Turnpike accounts, 1812.')) +
      paragraph(run('The ridge road was closed in 1840.'), run('1', true), run(' A tramway took its place.'), run('2', true)) +
      paragraph(run('1', true), run(' Quarter sessions order book.')) + paragraph(run('2', true), run(' Lumley, Tramways of the West, 77.')) +
      `</w:body></w:document>`
    const {result, markdown} = read({'word/document.xml': document})
    expect(markdown).toContain('sent slate to the coast.[^1] Carts went by the ridge road.[^2]')
    expect(markdown).toContain('closed in 1840.[^1-2] A tramway took its place.[^2-2]')
    expect(markdown).toContain('[^1]: Penwick estate rental, 1811.')
    expect(markdown).toContain('[^2-2]: Lumley, Tramways of the West, 77.')
    expect(result?.meta.counts.notes).toBe(4)
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('reads a raised run of several numbers as several calls of a closing notes list', () => {
    const run = (text: string, raised = false) => `<w:r>${raised ? '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`
    const paragraph = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`
    const document = `<w:document ${w}><w:body>` +
      paragraph(run('The fair was held on the green.'), run('1', true), run(' Drovers came from three counties.'), run('2,3', true)) +
      paragraph(run('Notes')) + paragraph(run('1. Charter of the fair.')) + paragraph(run('2. Toll book.')) + paragraph(run('3. A later copy.')) +
      `</w:body></w:document>`
    const {result, markdown} = read({'word/document.xml': document})
    expect(markdown).toContain('on the green.[^1] Drovers came from three counties.[^2],[^3]')
    expect(result?.meta.counts.notes).toBe(3)
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('takes a note whose reference was deleted (a tracked change) into the apparatus with it', () => {
    const document = `<w:document ${w}><w:body><w:p><w:r><w:t xml:space="preserve">The mill was sold in the spring.</w:t></w:r>` +
      `<w:r><w:footnoteReference w:id="1"/></w:r><w:del w:id="9" w:author="A"><w:r><w:footnoteReference w:id="2"/></w:r></w:del></w:p></w:body></w:document>`
    const footnotes = `<w:footnotes ${w}><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Deed of sale.</w:t></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note the author struck out.</w:t></w:r></w:p></w:footnote></w:footnotes>`
    const {result, markdown, file} = read({'word/document.xml': document, 'word/footnotes.xml': footnotes})
    expect(result?.meta.counts.notes).toBe(1)
    expect(markdown).toContain('The mill was sold in the spring.[^1]')
    expect(markdown).toContain(':::removed{rule="word-deletion"}\nA note the author struck out.\n:::')
    expect(file.messages.map((message) => message.ruleId)).not.toContain('note-without-reference')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('keeps the target of a hyperlink, a HYPERLINK field and a simple field; a link to a bookmark is text', () => {
    const r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
    const document = `<w:document ${w} ${r}><w:body><w:p>${run('The register is kept at ')}<w:hyperlink r:id="rId7">${run('the Fernhollow archive')}</w:hyperlink>${run(', its map ')}` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://maps.example.org/fernhollow" \\o "map" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
      `${run('online')}<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> now</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>${run(', and ')}` +
      `<w:fldSimple w:instr=" HYPERLINK &quot;mailto:clerk@example.org&quot; ">${run('the clerk')}</w:fldSimple>${run(' answers; see ')}` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK \\l "ledger" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('the ledger')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${run('.')}</w:p></w:body></w:document>`
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://archive.example.org/fernhollow" TargetMode="External"/></Relationships>`
    const {result, markdown} = read({'word/document.xml': document, 'word/_rels/document.xml.rels': rels})
    expect(markdown).toContain('The register is kept at [the Fernhollow archive](https://archive.example.org/fernhollow), its map [online *now*](https://maps.example.org/fernhollow), and [the clerk](mailto\\:clerk@example.org) answers; see the ledger.')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('labels endnotes as Word prints them, a series apart from the footnotes', () => {
    const document = `<w:document ${w}><w:body><w:p><w:r><w:t>The mill was let in 1790.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>` +
      `<w:r><w:t xml:space="preserve"> Its wheel was renewed.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> The leat silted.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p></w:body></w:document>`
    const note = (kind: string, id: string, text: string) => `<w:${kind} w:id="${id}"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:${kind}>`
    const footnotes = `<w:footnotes ${w}>${note('footnote', '1', 'Lease of the Hallam mill.')}${note('footnote', '2', 'Survey of the leat.')}</w:footnotes>`
    const endnotes = `<w:endnotes ${w}>${note('endnote', '1', 'On the wheel see the appendix.')}${note('endnote', '2', 'The silt was cleared in 1802.')}</w:endnotes>`
    // Word's default for endnotes: lower-case roman numerals.
    const {result, markdown} = read({'word/document.xml': document, 'word/footnotes.xml': footnotes, 'word/endnotes.xml': endnotes})
    expect(markdown).toContain('The mill was let in 1790.[^1] Its wheel was renewed.[^i] The leat silted.[^2][^ii]')
    expect(markdown).toContain('[^i]: On the wheel see the appendix.')
    expect(markdown).toContain('[^2]: Survey of the leat.')
    expect(result?.meta.counts.notes).toBe(4)
    // Numbered like the footnotes (`w:numFmt` in the settings): `end-1` …
    const settings = `<w:settings ${w}><w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr></w:settings>`
    const decimal = read({'word/document.xml': document, 'word/footnotes.xml': footnotes, 'word/endnotes.xml': endnotes, 'word/settings.xml': settings})
    expect(decimal.markdown).toContain('Its wheel was renewed.[^end-1] The leat silted.[^2][^end-2]')
    // … and without footnotes, 1, 2 …
    const alone = read({'word/document.xml': document.replace(/<w:r><w:footnoteReference w:id="\d"\/><\/w:r>/g, ''), 'word/endnotes.xml': endnotes, 'word/settings.xml': settings})
    expect(alone.markdown).toContain('Its wheel was renewed.[^1] The leat silted.[^2]')
  })

  it('reads characters of the Symbol font as the letters it draws; a dingbat font’s as they are, said in a diagnostic', () => {
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
    const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`
    const symbolRun = (text: string) => `<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>${text}</w:t></w:r>`
    const document = `<w:document ${w}><w:body><w:p>${run('The angle ')}${sym('Symbol', 'F061')}${run(' rose 5')}${sym('Symbol', 'F0B0')}${run(' and ')}${symbolRun('b')}${run(' fell ')}${sym('Symbol', '00B3')}${run(' 3; see ')}${sym('Wingdings', 'F0E0')}${run(' the chart, ')}${sym('Times New Roman', '00E9')}${run('t')}${sym('Times New Roman', '00E9')}${run('.')}</w:p></w:body></w:document>`
    const {result, markdown, file} = read({'word/document.xml': document})
    expect(markdown).toContain('The angle α rose 5° and β fell ≥ 3; see \uF0E0 the chart, été.')
    const messages = file.messages.filter((message) => message.ruleId === 'docx-symbol-font')
    expect(messages).toHaveLength(1)
    expect(messages[0]?.reason).toContain('Wingdings (U+F0E0)')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('reads the result of a bibliography field or content control as the list of references', () => {
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
    const paragraph = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`
    const begin = (instruction: string) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`
    const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    const zotero = `<w:document ${w}><w:body>${paragraph(run('The ferry ran daily (Marsh 1931).'))}${paragraph(run('References'))}` +
      paragraph(begin(' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[]} CSL_BIBLIOGRAPHY '), run('Marsh, Edwin. 1931. Ferries of the North. Kelby: Tarn.')) +
      paragraph(run('Quell, Ashby. 1931. Weirs and Sluices. Kelby: Tarn Press.'), end) + paragraph(run('Appendix: the toll board.')) + `</w:body></w:document>`
    const {result, markdown} = read({'word/document.xml': zotero})
    expect(markdown).toContain('References\n\n:::references\nMarsh, Edwin. 1931. Ferries of the North. Kelby: Tarn.\n\nQuell, Ashby. 1931. Weirs and Sluices. Kelby: Tarn Press.\n:::\n\nAppendix: the toll board.')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
    const control = `<w:document ${w}><w:body>${paragraph(run('The weir was raised.'))}<w:sdt><w:sdtPr><w:bibliography/></w:sdtPr><w:sdtContent>` +
      paragraph(`<w:fldSimple w:instr=" BIBLIOGRAPHY ">${run('Brannock, I. (1902). Sluice Gates. Penwick: Harl.')}</w:fldSimple>`) + `</w:sdtContent></w:sdt></w:body></w:document>`
    expect(read({'word/document.xml': control}).markdown).toContain('The weir was raised.\n\n:::references\nBrannock, I. (1902). Sluice Gates. Penwick: Harl.\n:::')
  })

  it('runs a paragraph whose mark is a tracked deletion on into the next, its words kept apart', () => {
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
    const deletedMark = '<w:pPr><w:rPr><w:del w:id="5" w:author="A" w:date="2020-01-01T00:00:00Z"/></w:rPr></w:pPr>'
    const document = `<w:document ${w}><w:body><w:p>${deletedMark}${run('The weir was raised')}</w:p><w:p>${deletedMark}${run('in stone ')}</w:p><w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr>${run('and never breached.')}</w:p><w:p>${run('After.')}</w:p></w:body></w:document>`
    const styles = `<w:styles ${w}><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style></w:styles>`
    const {result, markdown, file} = read({'word/document.xml': document, 'word/styles.xml': styles})
    expect(markdown).toContain('> The weir was raised in stone and never breached.\n\nAfter.')
    expect(file.messages.find((message) => message.ruleId === 'docx-tracked-changes')?.reason).toContain('2 deletions')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('keeps a table with a table or a list in a cell as a table, their words in order in the cell, and says so', () => {
    const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
    const cell = (...blocks: string[]) => `<w:tc>${blocks.join('')}</w:tc>`
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`
    const inner = `<w:tbl>${row(cell(paragraph('laden')), cell(paragraph('fourpence')))}${row(cell(paragraph('empty')), cell(paragraph('penny')))}</w:tbl>`
    const item = (text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`
    const document = `<w:document ${w}><w:body>${paragraph('Tolls of the Ambry bridge.')}<w:tbl>` +
      row(cell(paragraph('Carts')), cell(paragraph('Twopence'), inner, paragraph('at the gate')), cell(paragraph('Gatekeeper')))+
      row(cell(paragraph('Sheep')), cell(item('a farthing a score'), item('a penny a drove')), cell(paragraph('Market clerk'))) +
      `</w:tbl>${paragraph('After the table.')}</w:body></w:document>`
    const {result, markdown, file} = read({'word/document.xml': document})
    expect(markdown).toMatch(/\| Carts +\| Twopence; laden \\\| fourpence; empty \\\| penny; at the gate +\| Gatekeeper +\|/)
    expect(markdown).toMatch(/\| Sheep +\| a farthing a score; a penny a drove +\| Market clerk +\|/)
    expect(markdown).toContain('Tolls of the Ambry bridge.\n\n| Carts')
    expect(markdown).toMatch(/\|\n\nAfter the table\./)
    expect(file.messages.filter((message) => message.ruleId === 'docx-cell-flattened').map((message) => message.reason.split(' ')[1])).toEqual(['table', 'list'])
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('keeps a table inside a layout table of one column as a table', () => {
    const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
    const cell = (...blocks: string[]) => `<w:tc>${blocks.join('')}</w:tc>`
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`
    const document = `<w:document ${w}><w:body><w:tbl>${row(cell(paragraph('Above'), `<w:tbl>${row(cell(paragraph('Weir')), cell(paragraph('1790')))}</w:tbl>`, paragraph('Below')))}</w:tbl></w:body></w:document>`
    const {markdown, file} = read({'word/document.xml': document})
    expect(markdown).toContain('Above\n\n| Weir | 1790 |\n| ---- | ---- |\n\nBelow')
    expect(file.messages.some((message) => message.ruleId === 'docx-cell-flattened')).toBe(false)
  })

  it('reads a text box once, after its paragraph; a table of paragraphs as a table; not the page header', () => {
    const ns = `${w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`
    const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
    const box = `<w:txbxContent>${paragraph('Aside: the setts came from the Orrin quarry.')}</w:txbxContent>`
    const document = `<w:document ${ns}><w:body><w:p><w:r><w:t>The quay was paved in 1840.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      `<w:tbl><w:tr><w:tc>${paragraph('Berth')}</w:tc><w:tc>${paragraph('Length')}</w:tc></w:tr><w:tr><w:tc>${paragraph('North')}${paragraph('(old)')}</w:tc><w:tc>${paragraph('Ninety feet')}</w:tc></w:tr></w:tbl>` +
      `<w:tbl><w:tr><w:tc>${paragraph('A layout table of one column.')}</w:tc></w:tr></w:tbl>${paragraph('Ships waited at the bar.')}</w:body></w:document>`
    const header = `<w:hdr ${w}>${paragraph('Harbour history, second draft')}</w:hdr>`
    const {result, markdown} = read({'word/document.xml': document, 'word/header1.xml': header})
    expect(markdown).toContain('The quay was paved in 1840.\n\nAside: the setts came from the Orrin quarry.\n\n| Berth       | Length      |\n| ----------- | ----------- |\n| North (old) | Ninety feet |')
    expect(markdown.match(/Orrin/g)).toHaveLength(1)
    expect(markdown).toContain('\n\nA layout table of one column.\n\nShips waited at the bar.')
    expect(markdown).not.toContain('second draft')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('reads footnotes called from a table cell and a text box, of several paragraphs, and with marks of their own', () => {
    const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"'
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
    const call = (id: number, mark?: string) => mark === undefined
      ? `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`
      : `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="${id}"/><w:t>${mark}</w:t></w:r>`
    const paragraph = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`
    const box = paragraph(run('The boxed list of keepers.'), call(4))
    const textBox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>${box}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    const document = `<w:document ${w} ${mc}><w:body>` +
      paragraph(run('The Orrin canal opened in 1796.'), call(1)) +
      `<w:tbl><w:tr><w:tc>${paragraph(run('Lock one'), call(2))}</w:tc><w:tc>${paragraph(run('1796'), call(3, '†'))}</w:tc></w:tr></w:tbl>` +
      paragraph(run('Keepers lived beside the locks.'), textBox) +
      paragraph(run('Tolls fell after 1850.'), call(5, '*'), run(' The railway came.'), call(6)) +
      `</w:body></w:document>`
    const note = (id: number, ...paragraphs: string[]) => `<w:footnote w:id="${id}">${paragraphs.join('')}</w:footnote>`
    const numbered = (text: string) => paragraph('<w:r><w:footnoteRef/></w:r>', run(` ${text}`))
    const footnotes = `<w:footnotes ${w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      note(1, numbered('Orrin Navigation Act, 1793.')) + note(2, numbered('Rebuilt in 1830.')) + note(3, paragraph(run('Date of the first toll.'))) +
      note(4, numbered('Census of 1841.')) +
      note(5, paragraph(run('Toll books, 1850 to 1860.')), paragraph(run('The books for 1855 are missing.'))) + note(6, numbered('Branch line opened in 1849.')) +
      `</w:footnotes>`
    const {result, markdown} = read({'word/document.xml': document, 'word/footnotes.xml': footnotes})
    expect(result?.meta.counts.notes).toBe(6)
    expect(markdown).toContain('| Lock one[^2] | 1796[^dagger] |')
    expect(markdown).toContain('The boxed list of keepers.[^3]')
    expect(markdown.match(/boxed list/g)).toHaveLength(1)
    // Marks of their own take no number: the notes after them are numbered as Word prints them.
    expect(markdown).toContain('Tolls fell after 1850.[^star] The railway came.[^4]')
    expect(markdown).toContain('[^3]: Census of 1841.')
    expect(markdown).toContain('[^star]: Toll books, 1850 to 1860.\n\n    The books for 1855 are missing.')
    expect(markdown).toContain('[^4]: Branch line opened in 1849.')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('tells apart a number a mark of its own took from the number Word gives a later note', () => {
    const document = `<w:document ${w}><w:body><w:p><w:r><w:t>First.</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>1</w:t></w:r>` +
      `<w:r><w:t xml:space="preserve"> Second.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:body></w:document>`
    const footnotes = `<w:footnotes ${w}><w:footnote w:id="1"><w:p><w:r><w:t>Typed by hand.</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Numbered by Word.</w:t></w:r></w:p></w:footnote></w:footnotes>`
    const {result, markdown} = read({'word/document.xml': document, 'word/footnotes.xml': footnotes})
    expect(markdown).toContain('First.[^1] Second.[^1-2]')
    expect(markdown).toContain('[^1]: Typed by hand.')
    expect(markdown).toContain('[^1-2]: Numbered by Word.')
    expect(result?.meta.counts.notes).toBe(2)
  })
})
