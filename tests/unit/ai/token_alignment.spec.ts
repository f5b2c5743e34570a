import { test } from '@japa/runner'
import { alignTokens, normalizerFromConfig, tokenSchemeFromConfig, type AlignmentOptions } from '#ai/runtimes/token_alignment'

const bert: AlignmentOptions = {
  scheme: 'wordpiece',
  unknownToken: '[UNK]',
  normalize: normalizerFromConfig({ type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true }),
}

/** The text under each token's offsets. */
function pieces(text: string, tokens: string[], options: AlignmentOptions) {
  return alignTokens(text, tokens, options).map(({ start, end }) => text.slice(start, end))
}

test.group('alignTokens with WordPiece tokens', () => {
  test('maps lowercased words and ## continuations to the original characters', ({ assert }) => {
    const text = 'Dr. SMITHson'
    const offsets = alignTokens(text, ['dr', '.', 'smith', '##son'], bert)
    assert.deepEqual(
      offsets.map(({ start, end, continuation }) => [text.slice(start, end), continuation]),
      [['Dr', false], ['.', false], ['SMITH', false], ['son', true]]
    )
  })

  test('maps an accent-stripped token back over the accented original', ({ assert }) => {
    assert.deepEqual(pieces('José Núñez', ['jose', 'nunez'], bert), ['José', 'Núñez'])
  })

  test('keeps a decomposed combining accent inside the token it follows', ({ assert }) => {
    assert.deepEqual(pieces('Jose\u0301 x', ['jose', 'x'], bert), ['Jose\u0301', 'x'])
  })

  test('gives an [UNK] token the whole word it replaced, stopping at punctuation', ({ assert }) => {
    assert.deepEqual(pieces('see ☃snow, then', ['see', '[UNK]', ',', 'then'], bert), ['see', '☃snow', ',', 'then'])
  })

  test('gives an [UNK] emoji its two UTF-16 code units', ({ assert }) => {
    const text = 'pain 😀 john'
    const offsets = alignTokens(text, ['pain', '[UNK]', 'john'], bert)
    assert.deepEqual(offsets.map(({ start, end }) => [start, end]), [[0, 4], [5, 7], [8, 12]])
  })

  test('skips long runs of spaces, tabs and CRLF between tokens', ({ assert }) => {
    const text = '  john \t\t  smith\r\n\r\n   seen   '
    assert.deepEqual(pieces(text, ['john', 'smith', 'seen'], bert), ['john', 'smith', 'seen'])
  })

  test('maps a CJK character that BERT spaces out on its own', ({ assert }) => {
    assert.deepEqual(pieces('ab中c', ['ab', '中', 'c'], bert), ['ab', '中', 'c'])
  })

  test('still places the following tokens when one token cannot be found', ({ assert }) => {
    assert.deepEqual(pieces('alpha beta gamma', ['alpha', 'zzz', 'gamma'], bert), ['alpha', 'beta', 'gamma'])
  })
})

test.group('alignTokens with SentencePiece and byte-level tokens', () => {
  test('reads ▁ as a word start and maps <unk> to the text between its neighbours', ({ assert }) => {
    const options: AlignmentOptions = { scheme: 'sentencepiece', unknownToken: '<unk>' }
    const text = 'John  Smi☃th'
    const offsets = alignTokens(text, ['▁John', '▁Smi', '<unk>', 'th'], options)
    assert.deepEqual(
      offsets.map(({ start, end, continuation }) => [text.slice(start, end), continuation]),
      [['John', false], ['Smi', false], ['☃', true], ['th', true]]
    )
  })

  test('decodes Ġ-prefixed byte-level tokens, including a character split over two tokens', ({ assert }) => {
    const options: AlignmentOptions = { scheme: 'byte-level' }
    /* "é" is bytes C3 A9, printed by GPT-2's byte table as "Ã" and "©". */
    const text = 'Hi José\tx'
    assert.deepEqual(pieces(text, ['Hi', 'ĠJos', 'Ã', '©', 'ĉ', 'x'], options), ['Hi', 'Jos', 'é', 'é', '', 'x'])
  })
})

test.group('tokenizer.json readers', () => {
  test('detect the token scheme from the model, pre-tokenizer and decoder', ({ assert }) => {
    assert.equal(tokenSchemeFromConfig({ model: { type: 'WordPiece' }, pre_tokenizer: { type: 'BertPreTokenizer' } }), 'wordpiece')
    assert.equal(tokenSchemeFromConfig({ model: { type: 'BPE' }, pre_tokenizer: { type: 'ByteLevel' } }), 'byte-level')
    assert.equal(tokenSchemeFromConfig({ model: { type: 'Unigram' }, pre_tokenizer: { type: 'Metaspace' } }), 'sentencepiece')
  })

  test('build a BERT normaliser that lowercases, strips accents and blanks whitespace', ({ assert }) => {
    const normalize = normalizerFromConfig({ type: 'BertNormalizer', lowercase: true })
    assert.deepEqual(['É', '\t', '\u0007', 'ß'].map(normalize), ['e', ' ', '', 'ß'])
  })
})
