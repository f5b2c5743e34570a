import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Re-encrypts PHI vault entries under the active PHI_VAULT_KEY. Run after
 * moving the old key to PHI_VAULT_PREVIOUS_KEYS and setting a new one. Exits
 * 1 when entries remain under keys it does not have. Prints key ids only.
 */
export default class KeysRotatePhi extends BaseCommand {
  static commandName = 'keys:rotate-phi'
  static description = 'Re-encrypt the PHI vault under the active PHI_VAULT_KEY (after moving the old key to PHI_VAULT_PREVIOUS_KEYS)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { rotateVaultKeys } = await import('#privacy/vault/rotate_vault_keys')
    const { AppError } = await import('#kernel/index')

    let report
    try {
      report = await rotateVaultKeys()
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      this.logger.error(`${error.code}: ${error.message}`)
      this.exitCode = 1
      return
    }

    const count = (n: number) => (n === 1 ? '1 entry' : `${n} entries`)
    this.logger.info(`Active key ${report.activeKeyId}: re-encrypted ${count(report.reencrypted)}; ${count(report.current)} ${report.current === 1 ? 'is' : 'are'} under it`)
    for (const { keyId, entries } of report.unknownKeys) {
      this.logger.error(
        `${count(entries)} ${entries === 1 ? 'is' : 'are'} encrypted under key ${keyId}, which is not configured: add it to PHI_VAULT_PREVIOUS_KEYS and run again`
      )
    }
    if (report.failedIds.length > 0) {
      this.logger.error(`${count(report.failedIds.length)} failed the integrity check and ${report.failedIds.length === 1 ? 'was' : 'were'} left as is: ${report.failedIds.join(', ')}`)
    }
    this.exitCode = report.unknownKeys.length > 0 || report.failedIds.length > 0 ? 1 : 0
  }
}
