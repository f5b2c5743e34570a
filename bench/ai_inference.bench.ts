/*
| Local AI throughput, same machine, same run, same model and thread count:
| - generation tokens/s and time to first token, calling node-llama-cpp
|   directly in this process vs through the inference service
|   (`node ace ai:serve`, streamed over HTTP/SSE); goal: service >= 90% of direct;
| - embeddings/s of the built-in hashing embedder and of an ONNX
|   feature-extraction model (in process, and through the service).
| The model is ../shared/models/llama-2-tiny-random.gguf (or, without it,
| the tiny llama the tests generate), random weights:
| figures measure the runtime and the service's overhead, not a real model's
| speed. BENCH_AI_THREADS (default 2), BENCH_AI_TOKENS (default 256),
| BENCH_AI_RUNS (default 5). Prints one JSON line.
*/
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getLlama, LlamaChat, LlamaLogLevel, resolveChatWrapper } from 'node-llama-cpp'
import { createIgnitor } from '../bin/ignitor.ts'
import { ChildProcesses, freePort, round } from './child_processes.ts'

const THREADS = Number(process.env.BENCH_AI_THREADS ?? 2)
const TOKENS = Number(process.env.BENCH_AI_TOKENS ?? 256)
const RUNS = Number(process.env.BENCH_AI_RUNS ?? 5)
const PROMPT = 'Summarise the discharge instructions for a patient after knee arthroscopy.'
/** The shared tiny model beside the checkout when there is one, else the one the tests generate. */
const SHARED_MODEL = fileURLToPath(new URL('../../shared/models/llama-2-tiny-random.gguf', import.meta.url))
const log = (message: string) => process.stderr.write(`[ai_inference] ${message}\n`)
const children = new ChildProcesses(log)

type Run = { tokens: number; seconds: number; firstTokenMs: number }

function summarise(runs: Run[]) {
  const tokens = runs.reduce((sum, run) => sum + run.tokens, 0)
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0)
  const firstTokens = runs.map((run) => run.firstTokenMs).sort((a, b) => a - b)
  return { runs: runs.length, tokens, tokens_per_s: round(tokens / seconds, 1), time_to_first_token_ms: { median: round(firstTokens[Math.floor(firstTokens.length / 2)]), max: round(firstTokens.at(-1)!) } }
}

async function generateDirect(): Promise<Run[]> {
  const llama = await getLlama({ gpu: false, maxThreads: THREADS, build: 'never', logLevel: LlamaLogLevel.error })
  const model = await llama.loadModel({ modelPath: modelPath })
  const context = await model.createContext({ contextSize: 4096, sequences: 1 })
  const runs: Run[] = []
  try {
    /* The same calls the service makes: the model's own chat template, one LlamaChat per request. */
    const chatWrapper = resolveChatWrapper(model)
    for (let i = 0; i <= RUNS; i++) {
      const chat = new LlamaChat({ contextSequence: context.getSequence(), chatWrapper })
      let tokens = 0
      let firstTokenMs = 0
      const started = performance.now()
      await chat.generateResponse([{ type: 'user', text: PROMPT }, { type: 'model', response: [] }], {
        maxTokens: TOKENS,
        temperature: 0,
        onToken: (chunk) => {
          if (tokens === 0) firstTokenMs = performance.now() - started
          tokens += chunk.length
        },
      })
      const seconds = (performance.now() - started) / 1000
      chat.dispose({ disposeSequence: true })
      if (i > 0) runs.push({ tokens, seconds, firstTokenMs }) // run 0 warms up
    }
  } finally {
    await context.dispose()
    await model.dispose()
    await llama.dispose()
  }
  return runs
}

/** Streams through the app's own client, as the AI service does. */
async function generateThroughService(baseUrl: string, secret: string): Promise<Run[]> {
  const client = new InferenceClient(new RemoteInference(baseUrl, secret))
  const runs: Run[] = []
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now()
    let firstTokenMs = 0
    let tokens = 0
    for await (const chunk of client.chatStream({ model: 'tiny', messages: [{ role: 'user', content: PROMPT }], max_tokens: TOKENS, temperature: 0 })) {
      if (firstTokenMs === 0 && chunk.choices[0]?.delta.content) firstTokenMs = performance.now() - started
      if (chunk.usage) tokens = chunk.usage.completion_tokens
    }
    if (i > 0) runs.push({ tokens, seconds: (performance.now() - started) / 1000, firstTokenMs })
  }
  return runs
}

function chunksOfText(count: number): string[] {
  const words = 'patient presents with acute pain in the left knee after a fall swelling and tenderness over the medial joint line no fever'.split(' ')
  return Array.from({ length: count }, (_, i) => Array.from({ length: 80 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' '))
}

function perSecond(count: number, run: () => unknown | Promise<unknown>) {
  return async () => {
    const started = performance.now()
    await run()
    return round(count / ((performance.now() - started) / 1000), 0)
  }
}

/* The app is booted (not started) so the ai module's own code can be imported. */
const app = createIgnitor().createApp('console')
await app.init()
await app.boot()
const { hashingEmbed } = await import('#ai/embedders/hashing_embedder')
const { OnnxFeatureExtractor } = await import('#ai/runtimes/onnx_feature_extractor')
const { writeTinyFeatureExtractionModel } = await import('#tests/helpers/onnx_model_fixtures')
const { writeTinyLlamaGguf } = await import('#tests/helpers/tiny_llama_gguf')
const { InferenceClient } = await import('#ai/inference/inference_client')
const { RemoteInference } = await import('#ai/inference/remote_inference')

const folder = mkdtempSync(join(tmpdir(), 'clinibox-bench-ai-'))
let result: Record<string, unknown> | undefined
let modelPath = SHARED_MODEL
try {
  if (!existsSync(SHARED_MODEL)) {
    modelPath = join(folder, 'tiny-llama.gguf')
    await writeTinyLlamaGguf(modelPath)
  }
  const embedderFolder = join(folder, 'tiny-embedder')
  await writeTinyFeatureExtractionModel(embedderFolder)
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({
      models: [
        { name: 'tiny', kind: 'gguf-llm', tasks: ['chat'], path: modelPath, version: 'bench', status: 'ready' },
        { name: 'tiny-embedder', kind: 'onnx-feature-extraction', tasks: ['embeddings'], path: embedderFolder, version: 'bench', status: 'ready' },
      ],
    })
  )

  log(`direct node-llama-cpp: ${RUNS} runs of up to ${TOKENS} tokens, ${THREADS} threads`)
  const direct = summarise(await generateDirect())

  const port = await freePort()
  const secret = randomBytes(16).toString('hex')
  const service = children.start('ai:serve', ['ace', 'ai:serve', '--port', String(port), '--manifest', join(folder, 'manifest.json')], {
    ...process.env,
    AI_INFERENCE_SECRET: secret,
    AI_MAX_THREADS: String(THREADS),
    AI_CONTEXT_SIZE: '4096',
    LOG_LEVEL: 'warn',
  })
  const baseUrl = `http://127.0.0.1:${port}`
  await children.waitUntilReady(`${baseUrl}/health`, [service], 60_000)
  log('through the inference service')
  const viaService = summarise(await generateThroughService(baseUrl, secret))

  const chunks = chunksOfText(2000)
  const hashing = await perSecond(chunks.length, () => chunks.map((chunk) => hashingEmbed(chunk)))()
  const extractor = await OnnxFeatureExtractor.load(embedderFolder, { maxThreads: THREADS })
  const onnxChunks = chunks.slice(0, 256)
  const onnxInProcess = await perSecond(onnxChunks.length, () => extractor.embed(onnxChunks))()
  await extractor.dispose()
  const client = new InferenceClient(new RemoteInference(baseUrl, secret))
  const onnxService = await perSecond(onnxChunks.length, async () => {
    for (let i = 0; i < onnxChunks.length; i += 32) await client.embeddings('tiny-embedder', onnxChunks.slice(i, i + 32))
  })()
  await children.stop()

  result = {
    name: 'ai_inference',
    model: `${modelPath === SHARED_MODEL ? 'llama-2-tiny-random.gguf' : 'generated tiny llama'} (random weights)`,
    threads: THREADS,
    max_tokens: TOKENS,
    generation: { direct, service: viaService, service_vs_direct_percent: round((viaService.tokens_per_s / direct.tokens_per_s) * 100, 1), goal_percent: 90 },
    embeddings_per_s: {
      hashing_384: hashing,
      onnx_tiny_in_process: onnxInProcess,
      onnx_tiny_through_service: onnxService,
      text: '80-word chunks; the ONNX model is a generated 16-dimension toy: it measures the runtime path, not a real encoder',
    },
  }
} finally {
  await children.stop()
  rmSync(folder, { recursive: true, force: true })
  await app.terminate().catch((error) => log(`terminate failed: ${(error as Error).message}`))
}
console.log(JSON.stringify(result))
