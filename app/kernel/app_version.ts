import { readFileSync } from 'node:fs'

/** The appliance version, from package.json (read once at import). */
export const appVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version
