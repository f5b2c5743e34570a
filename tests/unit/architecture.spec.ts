import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { test } from '@japa/runner'

/*
| ARCHITECTURE.md's module table: a module may import only the modules it
| lists, all of which stand above it, and only through their index.ts.
*/
const MAY_USE: Record<string, string[]> = {
  kernel: [],
  audit: ['kernel'],
  identity: ['kernel', 'audit'],
  platform: ['kernel', 'audit', 'identity'],
  ai: ['kernel', 'audit', 'platform'],
  privacy: ['kernel', 'audit', 'ai'],
  documents: ['kernel', 'audit', 'ai'],
  terminology: ['kernel', 'audit', 'ai'],
  coding: ['kernel', 'audit', 'identity', 'platform', 'ai', 'privacy', 'documents', 'terminology'],
  clinic: ['kernel', 'audit', 'identity', 'platform'],
  tutor: ['kernel', 'audit', 'identity', 'platform', 'ai', 'documents'],
}
const MODULES = Object.keys(MAY_USE)
const APP_ROOT = join(import.meta.dirname, '..', '..', 'app')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry) ? [path] : []
  })
}

function importsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)]
  return specifiers.map((match) => match[1] ?? match[2] ?? match[3])
}

/** Every import in app/ that breaks a module boundary, as readable lines. */
function boundaryViolations(): string[] {
  const violations: string[] = []
  for (const file of sourceFiles(APP_ROOT)) {
    const owner = relative(APP_ROOT, file).split(sep)[0]
    const where = relative(join(APP_ROOT, '..'), file)
    if (!MODULES.includes(owner)) {
      violations.push(`${where}: app/${owner} is not a module of ARCHITECTURE.md`)
      continue
    }
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.') && specifier.includes('..')) {
        violations.push(`${where}: relative import "${specifier}" may leave the module; use #${owner}/...`)
        continue
      }
      const target = specifier.match(/^#([a-z]+)\/(.+)$/)
      if (!target || !MODULES.includes(target[1]) || target[1] === owner) continue
      const [, module, path] = target
      if (!MAY_USE[owner].includes(module)) {
        violations.push(`${where}: ${owner} may not use ${module} ("${specifier}")`)
      } else if (path !== 'index') {
        violations.push(`${where}: "${specifier}" reaches into ${module}'s internals; import from #${module}/index`)
      }
    }
  }
  return violations
}

test.group('Architecture', () => {
  test('every module uses only modules listed above it in ARCHITECTURE.md, through their index.ts', ({ assert }) => {
    assert.deepEqual(boundaryViolations(), [])
  })

  test('the module table only lets modules use modules above them', ({ assert }) => {
    for (const [module, uses] of Object.entries(MAY_USE)) {
      for (const used of uses) {
        assert.isBelow(MODULES.indexOf(used), MODULES.indexOf(module), `${module} -> ${used}`)
      }
    }
  })

  test('each module under app/ has an index.ts as its public surface', ({ assert }) => {
    const present = readdirSync(APP_ROOT).filter((entry) => statSync(join(APP_ROOT, entry)).isDirectory())
    for (const module of present) {
      assert.isTrue(statSync(join(APP_ROOT, module, 'index.ts'), { throwIfNoEntry: false })?.isFile() ?? false, `app/${module}/index.ts`)
    }
  })
})
