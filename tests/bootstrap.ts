import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { chromium } from 'playwright'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { spec } from '@japa/runner/reporters'
import type { Config } from '@japa/runner/types'
import { summaryLine } from './helpers/summary_line_reporter.ts'

/** Debian's Chromium (installed by scripts/setup.sh); Playwright never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: ['browser'],
    launcher: (options) => chromium.launch({ ...options, headless: true, executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
  }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

/** Japa's spec output; scripts/test.sh also activates the plain `N passed, M failed` line CI reads. */
export const reporters: Config['reporters'] = {
  activated: ['spec', 'summary-line'],
  list: [spec(), summaryLine()],
}

/**
 * Runs once: the run's own database gets every migration, and pages are
 * served from the built console (scripts/setup.sh --tests builds it), as
 * users get them, instead of Vite's slower on-the-fly dev server.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => testUtils.db().migrate(), async () => (await app.container.make('vite')).stopDevServer()],
  teardown: [],
}

/** Suites that talk HTTP get a real server on the configured port. */
export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['functional', 'browser'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
