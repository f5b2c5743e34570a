import type { BaseCommand } from '@adonisjs/core/ace'
import { AppError, ValidationError } from '#kernel/index'

/**
 * Prints why a command's input was refused, one line per problem, naming
 * the flag it came from, and sets exit code 1. Other errors are rethrown.
 */
export function reportInputError(command: BaseCommand, error: unknown, flagOf: Record<string, string>) {
  if (error instanceof ValidationError) {
    for (const issue of error.issues) {
      command.logger.error(`${flagOf[issue.field] ?? issue.field}: ${issue.message}`)
    }
  } else if (error instanceof AppError) {
    command.logger.error(error.message)
  } else {
    throw error
  }
  command.logger.error('Nothing was changed')
  command.exitCode = 1
}
