import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Where each input comes from, to name it in error messages. */
const FLAG_OF: Record<string, string> = {
  email: '--email',
  fullName: '--name',
  password: '--password',
  clinicName: '--clinic-name',
  timeZone: '--time-zone',
}

/**
 * Creates a super_admin from the command line (and the first clinic when
 * none exists). Missing values are asked for in a terminal; otherwise they
 * must be flags. Prints what is wrong and exits 1 on bad input.
 */
export default class AdminCreate extends BaseCommand {
  static commandName = 'admin:create'
  static description = 'Create a super_admin account (and the first clinic when there is none)'
  static help = [
    'Without flags in a terminal, the command asks for each value (the password is not echoed).',
    'Prefer the prompt to --password: flags end up in the shell history.',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Email address, used to sign in' })
  declare email?: string

  @flags.string({ description: 'Full name' })
  declare name?: string

  @flags.string({ description: 'Password (12+ characters, not a common one); asked for when omitted in a terminal' })
  declare password?: string

  @flags.string({ description: 'Name of the first clinic, when no clinic exists yet (default: Main clinic)' })
  declare clinicName?: string

  @flags.string({ description: 'IANA time zone of that clinic, e.g. Europe/Paris (default: UTC)' })
  declare timeZone?: string

  async run() {
    const { createAdmin, DEFAULT_CLINIC } = await import('#identity/services/create_admin')
    const { reportInputError } = await import('#identity/commands/report_input_error')
    const { default: Clinic } = await import('#identity/models/clinic')
    const interactive = process.stdin.isTTY === true
    const missing: string[] = []

    const value = async (given: string | undefined, flag: string, question: string) => {
      if (given !== undefined) return given
      if (interactive) return this.prompt.ask(question)
      missing.push(flag)
      return ''
    }
    const email = await value(this.email, '--email', 'Email address')
    const fullName = await value(this.name, '--name', 'Full name')
    let password = this.password
    if (password === undefined) {
      if (!interactive) missing.push('--password')
      else {
        password = await this.prompt.secure('Password (12+ characters)')
        if ((await this.prompt.secure('Repeat the password')) !== password) {
          this.logger.error('The passwords do not match; nothing was created')
          this.exitCode = 1
          return
        }
      }
    }
    if (missing.length > 0) {
      this.logger.error(`Missing ${missing.join(', ')}: pass them as flags, or run the command in a terminal to be asked`)
      this.exitCode = 1
      return
    }

    let clinicName = this.clinicName
    let timeZone = this.timeZone
    const clinicsExist = (await Clinic.query().first()) !== null
    if (!clinicsExist && interactive) {
      clinicName ??= await this.prompt.ask('Name of the first clinic', { default: DEFAULT_CLINIC.name })
      timeZone ??= await this.prompt.ask('Its time zone (IANA name)', { default: DEFAULT_CLINIC.timeZone })
    }
    if (clinicsExist && (clinicName !== undefined || timeZone !== undefined)) {
      this.logger.warning('Clinics exist already: --clinic-name and --time-zone are ignored')
      clinicName = undefined
      timeZone = undefined
    }

    try {
      const { user, clinic } = await createAdmin({ email, fullName, password: password!, clinicName, timeZone })
      this.logger.success(`Created super_admin ${user.email} (id ${user.id})`)
      if (clinic) this.logger.success(`Created clinic "${clinic.name}" (${clinic.timeZone}, id ${clinic.id})`)
      this.logger.info('Sign in to the console: administrators are asked to set up two-factor authentication first')
    } catch (error) {
      reportInputError(this, error, FLAG_OF)
    }
  }
}
