import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import type { Readable } from 'node:stream'

/** The lines of a text file, gunzipped on the fly when its name ends in `.gz`. CRLF and a BOM are removed. */
export async function* readLines(path: string): AsyncGenerator<string> {
  const file = createReadStream(path)
  const input: Readable = path.endsWith('.gz') ? file.pipe(createGunzip()) : file
  file.on('error', (error) => input.destroy(error))
  const lines = createInterface({ input, crlfDelay: Infinity })
  let first = true
  for await (const line of lines) {
    yield first ? line.replace(/^\uFEFF/, '') : line
    first = false
  }
}

/**
 * Splits one CSV record (RFC 4180 quoting: `"a, b"`, `""` for a quote).
 * The reference files never put a line break inside a quoted field.
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ',') {
      fields.push(field)
      field = ''
    } else {
      field += char
    }
  }
  fields.push(field)
  return fields
}
