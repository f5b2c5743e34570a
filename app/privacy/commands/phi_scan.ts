import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The ARCHITECTURE.md contract: for each `*.txt` in IN_DIR, writes
 * OUT_DIR/<name>.json with `{"phi":[{start,end,type,text,score,source}],"redacted"}`,
 * offsets in Unicode code points. A file that is not UTF-8 is reported and
 * skipped (exit code 1 at the end); the others are still written.
 */
export default class PhiScan extends BaseCommand {
  static commandName = 'phi:scan'
  static description = 'Detect PHI in every .txt file of a folder and write one JSON result per file'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Folder of .txt files (UTF-8)' })
  declare inDir: string

  @flags.string({ description: 'Folder to write the .json results to (created if missing)', required: true })
  declare out: string

  async run() {
    const { mkdir, readdir, readFile, writeFile } = await import('node:fs/promises')
    const { join, basename } = await import('node:path')
    const { scanText } = await import('#privacy/services/scan_text')

    const files = await readdir(this.inDir).catch(() => null)
    if (!files) {
      this.logger.error(`${this.inDir} is not a readable folder`)
      this.exitCode = 1
      return
    }
    await mkdir(this.out, { recursive: true })
    const decoder = new TextDecoder('utf-8', { fatal: true })
    let written = 0
    let refused = 0
    for (const file of files.filter((name) => name.endsWith('.txt')).sort()) {
      let text: string
      try {
        text = decoder.decode(await readFile(join(this.inDir, file)))
      } catch {
        this.logger.error(`${file}: not UTF-8; skipped`)
        refused++
        continue
      }
      const result = await scanText(text)
      await writeFile(join(this.out, `${basename(file, '.txt')}.json`), JSON.stringify(result, null, 2) + '\n')
      written++
    }
    this.logger.success(`${written} file(s) scanned into ${this.out}${refused ? `, ${refused} refused` : ''}`)
    if (refused > 0) this.exitCode = 1
  }
}
