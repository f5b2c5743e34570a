import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Break-glass: sets a new password for an account and clears its lockout,
 * for when no administrator can sign in. Audited with actor system.
 */
export default class AdminResetPassword extends BaseCommand {
  static commandName = 'admin:reset-password'
  static description = "Set a new password for a user (by email) and clear the account's lockout"
  static help = ['The new password is asked for in a terminal; --password exists for scripts (it ends up in the shell history).']
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Email of the account' })
  declare email: string

  @flags.string({ description: 'The new password (12+ characters, not a common one); asked for when omitted in a terminal' })
  declare password?: string

  async run() {
    const { resetPassword } = await import('#identity/services/reset_password')
    const { reportInputError } = await import('#identity/commands/report_input_error')

    let password = this.password
    if (password === undefined) {
      if (process.stdin.isTTY !== true) {
        this.logger.error('Missing --password: pass it as a flag, or run the command in a terminal to be asked')
        this.exitCode = 1
        return
      }
      password = await this.prompt.secure('New password (12+ characters)')
      if ((await this.prompt.secure('Repeat the new password')) !== password) {
        this.logger.error('The passwords do not match; nothing was changed')
        this.exitCode = 1
        return
      }
    }

    try {
      const user = await resetPassword(this.email, password)
      this.logger.success(`Password of ${user.email} changed; the account is unlocked`)
    } catch (error) {
      reportInputError(this, error, { password: '--password' })
    }
  }
}
