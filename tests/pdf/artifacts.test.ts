/** Untagged page content marked as artifacts (content streams, no browser). */
import {describe, expect, it} from 'vitest'
import {markArtifacts, tokenize} from '../../pipeline/pdf/artifacts.js'

describe('tokenize', () => {
  it('reads strings with parentheses and escapes, hex strings, dictionaries and names as operands', () => {
    const tokens = tokenize('/Span <</ActualText <feff00ad>>> BDC (a (b) \\) c) Tj [(x) 12 (y)] TJ EMC')
    expect(tokens?.filter((token) => token.operator !== undefined).map((token) => token.operator)).toEqual(['BDC', 'Tj', 'TJ', 'EMC'])
  })

  it('gives up on inline images and unterminated strings', () => {
    expect(tokenize('BI /W 1 /H 1 ID x EI')).toBeUndefined()
    expect(tokenize('(open Tj')).toBeUndefined()
  })
})

describe('markArtifacts', () => {
  it('wraps untagged text objects and painted paths, and leaves tagged content and clipping alone', () => {
    const stream = [
      'q 0 0 10 10 re W* n',
      'BT /F1 12 Tf 1 0 0 1 5 5 Tm <0088> Tj ET',
      '/P <</MCID 0>> BDC BT /F1 12 Tf (tagged) Tj ET EMC',
      '0 0 m 10 0 l S',
      '/P <</MCID 1>> BDC 0 0 5 5 re f EMC',
      'Q'
    ].join('\n')
    const marked = markArtifacts(stream)
    expect(marked).toBe([
      'q 0 0 10 10 re W* n',
      '/Artifact BMC\nBT /F1 12 Tf 1 0 0 1 5 5 Tm <0088> Tj ET\nEMC',
      '/P <</MCID 0>> BDC BT /F1 12 Tf (tagged) Tj ET EMC',
      '/Artifact BMC\n0 0 m 10 0 l S\nEMC',
      '/P <</MCID 1>> BDC 0 0 5 5 re f EMC',
      'Q'
    ].join('\n'))
  })

  it('leaves a text object with tagged content inside it, and a stream it cannot read, as they are', () => {
    const partly = 'BT (a) Tj /P <</MCID 0>> BDC (b) Tj EMC ET'
    expect(markArtifacts(partly)).toBe(partly)
    expect(markArtifacts('BT (open Tj ET')).toBe('BT (open Tj ET')
  })
})
