import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { ModelFile } from '#ai/models/ai_model'

export interface HashedModel {
  files: ModelFile[]
  sizeBytes: number
  /** The file's sha256, or for a folder the sha256 of its sorted "path sha256" lines. */
  sha256: string
}

/** Hashes a model file or every file of a model folder (hidden files excluded). */
export async function hashModelFiles(modelsPath: string, absolutePath: string): Promise<HashedModel> {
  const paths = (await stat(absolutePath)).isDirectory() ? await listFiles(absolutePath) : [absolutePath]
  const files: ModelFile[] = []
  for (const path of paths.sort()) {
    files.push({ path: relative(modelsPath, path).split(sep).join('/'), size: (await stat(path)).size, sha256: await sha256OfFile(path) })
  }
  const sizeBytes = files.reduce((sum, file) => sum + file.size, 0)
  const sha256 = files.length === 1 && paths[0] === absolutePath ? files[0].sha256 : folderHash(files)
  return { files, sizeBytes, sha256 }
}

export function folderHash(files: ModelFile[]): string {
  const lines = files.map((file) => `${file.path} ${file.sha256}\n`).sort()
  return createHash('sha256').update(lines.join('')).digest('hex')
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true })
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name)) : Promise.resolve(entry.isFile() ? [join(folder, entry.name)] : [])))
  )
  return nested.flat()
}
