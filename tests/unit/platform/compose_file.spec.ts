import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { parse } from 'yaml'

/*
| The Docker Compose deployment (compose.yaml) and the image it builds
| (docker/Dockerfile), read as files: what a site gets when it runs
| `docker compose up`.
*/
const REPO_ROOT = join(import.meta.dirname, '..', '..', '..')

interface Healthcheck {
  test?: string | string[]
  disable?: boolean
}

interface Service {
  image?: string
  build?: { context?: string; dockerfile?: string } | string
  command?: string | string[]
  environment?: Record<string, string> | string[]
  env_file?: string | string[]
  depends_on?: Record<string, { condition?: string }> | string[]
  ports?: (string | { target: number; published?: string | number })[]
  volumes?: (string | { source?: string; target: string; read_only?: boolean })[]
  healthcheck?: Healthcheck
  profiles?: string[]
  stop_grace_period?: string
}

interface ComposeFile {
  services: Record<string, Service>
  volumes?: Record<string, unknown>
}

/** compose.yaml as compose sees it: `<<: *anchor` merge keys applied. */
function readCompose(): ComposeFile {
  return parse(readFileSync(join(REPO_ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as ComposeFile
}

/** Named-volume mounts of a service as { volume: { target, readOnly } }. */
function mounts(service: Service): Record<string, { target: string; readOnly: boolean }> {
  const result: Record<string, { target: string; readOnly: boolean }> = {}
  for (const volume of service.volumes ?? []) {
    if (typeof volume === 'string') {
      const [source, target, mode = ''] = volume.split(':')
      result[source] = { target, readOnly: mode.split(',').includes('ro') }
    } else if (volume.source) {
      result[volume.source] = { target: volume.target, readOnly: volume.read_only === true }
    }
  }
  return result
}

function healthcheckCommand(service: Service): string {
  const command = service.healthcheck?.test ?? ''
  return Array.isArray(command) ? command.join(' ') : command
}

/** A compose duration such as `45s`, `1m30s` or `2m`, in seconds. */
function seconds(duration: string | undefined): number {
  if (!duration) return 10 // compose's default stop grace period
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms)/g)]
  const scale: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 }
  return parts.reduce((total, [, value, unit]) => total + Number(value) * scale[unit], 0)
}

interface Instruction {
  keyword: string
  args: string
}

/** Dockerfile instructions, with continuation lines joined and comments dropped. */
function readDockerfile(): Instruction[] {
  const text = readFileSync(join(REPO_ROOT, 'docker', 'Dockerfile'), 'utf8')
  const logicalLines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
  return logicalLines
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/)
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') }
    })
}

/** The image each FROM names, with `${ARG}` defaults declared before it substituted. */
function baseImages(instructions: Instruction[]): string[] {
  const args: Record<string, string> = {}
  const images: string[] = []
  for (const { keyword, args: value } of instructions) {
    if (keyword === 'ARG') {
      const [name, defaultValue] = value.split('=')
      if (defaultValue !== undefined) args[name] = defaultValue
    }
    if (keyword === 'FROM') {
      const image = value.split(/\s+/)[0]
      images.push(image.replace(/\$\{?(\w+)\}?/g, (_, name: string) => args[name] ?? ''))
    }
  }
  return images
}

test.group('compose.yaml services', () => {
  test('runs postgres, web and worker by default, and the inference server only under a profile', ({ assert }) => {
    const { services } = readCompose()
    assert.includeMembers(Object.keys(services), ['postgres', 'web', 'worker', 'inference'])
    for (const name of ['postgres', 'web', 'worker']) {
      assert.isUndefined(services[name].profiles, `${name} should start without a profile`)
    }
    assert.isNotEmpty(services.inference.profiles)
    assert.include(services.inference.profiles!, 'inference')
  })

  test('runs PostgreSQL from a pgvector image pinned to an exact version, never latest', ({ assert }) => {
    const image = readCompose().services.postgres.image ?? ''
    assert.match(image, /^pgvector\/pgvector:/)
    const tag = image.split('@')[0].split(':')[1]
    assert.notEqual(tag, 'latest')
    assert.match(tag, /^\d+\.\d+\.\d+-pg\d+/, 'the tag should name the pgvector version and the PostgreSQL major')
  })

  test('initialises the database cluster with data checksums', ({ assert }) => {
    const { environment, command } = readCompose().services.postgres
    const env = Array.isArray(environment) ? environment.join(' ') : Object.entries(environment ?? {}).flat().join(' ')
    const args = [env, Array.isArray(command) ? command.join(' ') : (command ?? '')].join(' ')
    assert.include(args, 'POSTGRES_INITDB_ARGS')
    assert.include(args, '--data-checksums')
  })

  test('keeps the database in the pgdata volume and reports its health with pg_isready', ({ assert }) => {
    const postgres = readCompose().services.postgres
    assert.equal(mounts(postgres).pgdata?.target, '/var/lib/postgresql/data')
    assert.include(healthcheckCommand(postgres), 'pg_isready')
  })

  test('runs web and worker from one image and one build', ({ assert }) => {
    const { web, worker } = readCompose().services
    assert.isString(web.image)
    assert.equal(worker.image, web.image)
    assert.isDefined(web.build)
    assert.deepEqual(worker.build, web.build)
    const build = web.build as { dockerfile?: string }
    assert.equal(build.dockerfile, 'docker/Dockerfile')
  })

  test('gives web and worker the same environment and env_file', ({ assert }) => {
    const { web, worker } = readCompose().services
    assert.isDefined(web.env_file)
    assert.deepEqual(worker.env_file, web.env_file)
    assert.isDefined(web.environment)
    assert.deepEqual(worker.environment, web.environment)
  })

  test('points the app at the postgres service', ({ assert }) => {
    const environment = readCompose().services.web.environment as Record<string, string>
    assert.match(environment.DATABASE_URL, /^postgres:\/\/.+@postgres:5432\//)
  })

  test('starts web and worker only once PostgreSQL is healthy', ({ assert }) => {
    const { web, worker } = readCompose().services
    for (const [name, service] of Object.entries({ web, worker })) {
      const dependsOn = service.depends_on as Record<string, { condition?: string }>
      assert.equal(dependsOn?.postgres?.condition, 'service_healthy', `${name} should wait for a healthy postgres`)
    }
  })

  test('publishes the web server on port 3333 and checks it at /health', ({ assert }) => {
    const web = readCompose().services.web
    const ports = (web.ports ?? []).map((port) => (typeof port === 'string' ? port : `${port.published}:${port.target}`))
    assert.isTrue(
      ports.some((port) => port.endsWith(':3333')),
      `web should publish container port 3333, got ${ports.join(', ')}`
    )
    assert.notEqual(web.healthcheck?.disable, true)
    assert.include(healthcheckCommand(web), '/health')
  })

  test('does not judge the worker by the HTTP health check it has no server for', ({ assert }) => {
    const worker = readCompose().services.worker
    const disabled = worker.healthcheck?.disable === true
    assert.isTrue(disabled || !healthcheckCommand(worker).includes('/health'))
  })

  test('gives the worker longer to stop than it waits for running jobs (30 s)', ({ assert }) => {
    const worker = readCompose().services.worker
    assert.isAbove(seconds(worker.stop_grace_period), 30)
  })
})

test.group('compose.yaml volumes', () => {
  test('declares the pgdata, storage and models volumes', ({ assert }) => {
    assert.includeMembers(Object.keys(readCompose().volumes ?? {}), ['pgdata', 'storage', 'models'])
  })

  test('shares storage between web and worker, read-write', ({ assert }) => {
    const { web, worker } = readCompose().services
    for (const service of [web, worker]) {
      assert.deepEqual(mounts(service).storage, { target: '/data/storage', readOnly: false })
    }
  })

  test('mounts models read-write into web and worker (the registry writes the manifest), read-only into inference', ({ assert }) => {
    const { web, worker, inference } = readCompose().services
    assert.deepEqual(mounts(web).models, { target: '/data/models', readOnly: false })
    assert.deepEqual(mounts(worker).models, { target: '/data/models', readOnly: false })
    assert.deepEqual(mounts(inference).models, { target: '/data/models', readOnly: true })
  })

  test('runs the inference server with ai:serve, health-checked on its own port', ({ assert }) => {
    const { inference } = readCompose().services
    assert.includeMembers(inference.command as string[], ['ace', 'ai:serve', '--port', '3335'])
  })
})

test.group('docker/Dockerfile', () => {
  test('builds in one stage and runs in another', ({ assert }) => {
    const froms = readDockerfile().filter(({ keyword }) => keyword === 'FROM')
    assert.isAtLeast(froms.length, 2)
  })

  test('starts every stage from an official Node 24 image pinned to an exact version', ({ assert }) => {
    const images = baseImages(readDockerfile())
    assert.isNotEmpty(images)
    for (const image of images) {
      assert.match(image, /^node:24\.\d+\.\d+(-[\w.-]+)?(@sha256:[0-9a-f]{64})?$/, `unexpected base image ${image}`)
    }
  })

  test('installs only production dependencies in the image it runs', ({ assert }) => {
    const instructions = readDockerfile()
    const lastFrom = instructions.map(({ keyword }) => keyword).lastIndexOf('FROM')
    const finalStage = instructions.slice(lastFrom)
    assert.isTrue(finalStage.some(({ keyword, args }) => keyword === 'RUN' && args.includes('npm ci') && args.includes('--omit=dev')))
  })

  test('runs as a user other than root', ({ assert }) => {
    const users = readDockerfile().filter(({ keyword }) => keyword === 'USER')
    assert.isNotEmpty(users)
    const user = users.at(-1)!.args.split(':')[0]
    assert.notInclude(['root', '0'], user)
  })

  test('checks liveness at /health', ({ assert }) => {
    const healthcheck = readDockerfile().find(({ keyword }) => keyword === 'HEALTHCHECK')
    assert.isDefined(healthcheck)
    assert.include(healthcheck!.args, '/health')
  })

  test('execs node for the web and worker roles, so SIGTERM reaches it', ({ assert }) => {
    const script = readFileSync(join(REPO_ROOT, 'docker', 'entrypoint.sh'), 'utf8')
    assert.match(script, /node ace migration:run --force\s+exec node bin\/server\.js/)
    assert.match(script, /exec node ace jobs:work/)
  })
})
