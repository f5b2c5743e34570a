import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Creates a personal access token for a user from the command line (for
 * scripts, and the only way to reach the API of a fresh install without
 * the console). Audited `access_token.create` with actor system. Prints the
 * token alone on stdout: it is shown once.
 */
export default class TokensCreate extends BaseCommand {
  static commandName = 'tokens:create'
  static description = 'Create a personal access token for a user (by email) and print it'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Email of the account' })
  declare email: string

  @flags.string({ description: 'Comma-separated permissions the user holds, or * for all of them', default: '*' })
  declare abilities: string

  @flags.number({ description: 'Days until the token expires (1-365)', default: 90 })
  declare expiresInDays: number

  @flags.string({ description: 'Name shown in the token list', default: 'cli' })
  declare name: string

  async run() {
    const { default: User } = await import('#identity/models/user')
    const { createAccessToken, TOKEN_EXPIRY_DAYS } = await import('#identity/services/create_access_token')
    const { reportInputError } = await import('#identity/commands/report_input_error')
    const { SYSTEM_ACTOR } = await import('#audit/index')

    const { min, max } = TOKEN_EXPIRY_DAYS
    if (!Number.isInteger(this.expiresInDays) || this.expiresInDays < min || this.expiresInDays > max) {
      this.logger.error(`--expires-in-days: a whole number from ${min} to ${max}; nothing was changed`)
      this.exitCode = 1
      return
    }
    const user = await User.query().where('email', this.email.trim().toLowerCase()).first()
    if (!user) {
      this.logger.error(`No account with the email ${this.email}; nothing was changed`)
      this.exitCode = 1
      return
    }
    try {
      const abilities = this.abilities.split(',').map((ability) => ability.trim()).filter(Boolean)
      const { value } = await createAccessToken(
        user,
        { name: this.name, abilities, expiresInDays: this.expiresInDays },
        { actor: SYSTEM_ACTOR, clinicId: null }
      )
      this.logger.log(value)
    } catch (error) {
      reportInputError(this, error, { abilities: '--abilities', expiresInDays: '--expires-in-days', name: '--name' })
    }
  }
}
