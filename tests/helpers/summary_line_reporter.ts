import { BaseReporter } from '@japa/runner/core'
import type { NamedReporterContract } from '@japa/runner/types'

/**
 * Prints the plain closing line CI tooling reads, `N passed, M failed`
 * (plus `, K skipped` when some were skipped), as the very last line of the
 * run: after Japa's own summary and error report.
 */
class SummaryLineReporter extends BaseReporter {
  protected async end() {
    const summary = this.runner?.getSummary()
    if (!summary) return
    const { passed, failed, skipped, todo, regression } = summary.aggregates
    const skippedCount = skipped + todo
    const line = `${passed} passed, ${failed + regression} failed${skippedCount > 0 ? `, ${skippedCount} skipped` : ''}`
    process.once('exit', () => console.log(line))
  }
}

export const summaryLine = (): NamedReporterContract => ({
  name: 'summary-line',
  handler: (...args) => new SummaryLineReporter().boot(...args),
})
