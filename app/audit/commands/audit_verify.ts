import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Walks the audit hash chain; exits 1 and names the first broken link when it is not intact. */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify the audit log hash chain and report the first broken or missing link'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { verifyAuditChain } = await import('#audit/index')
    const result = await verifyAuditChain()
    if (result.intact) {
      this.logger.success(result.message)
    } else {
      this.logger.error(`${result.message} (checked ${result.checkedEvents} events before it)`)
      this.exitCode = 1
    }
  }
}
