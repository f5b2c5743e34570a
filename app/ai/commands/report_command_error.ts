import type { BaseCommand } from '@adonisjs/core/ace'
import { AppError } from '#kernel/index'

/** Prints an AppError as `CODE: message`, says nothing changed and sets exit code 1; other errors are rethrown. */
export function reportCommandError(command: BaseCommand, error: unknown) {
  if (!(error instanceof AppError)) throw error
  command.logger.error(`${error.code}: ${error.message}`)
  command.logger.error('Nothing was changed')
  command.exitCode = 1
}
