import { test } from '@japa/runner'
import { AppError } from '#kernel/index'
import { RequestQueue } from '#ai/inference/request_queue'

/** A task that runs until `finish()` is called. */
function heldTask() {
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  let started = false
  return {
    task: async () => {
      started = true
      await done
    },
    finish: () => finish(),
    get started() {
      return started
    },
  }
}

test.group('RequestQueue', () => {
  test('runs up to `concurrency` tasks at once and starts a waiting one when a slot frees', async ({ assert }) => {
    const queue = new RequestQueue({ concurrency: 2, limit: 2 })
    const [a, b, c] = [heldTask(), heldTask(), heldTask()]
    const runs = [queue.run(a.task), queue.run(b.task), queue.run(c.task)]
    await Promise.resolve()
    assert.deepEqual([a.started, b.started, c.started], [true, true, false])
    assert.equal(queue.running, 2)
    assert.equal(queue.waiting, 1)

    a.finish()
    await runs[0]
    await Promise.resolve()
    assert.isTrue(c.started)
    assert.equal(queue.running, 2)
    assert.equal(queue.waiting, 0)

    b.finish()
    c.finish()
    await Promise.all(runs)
    assert.equal(queue.running, 0)
  })

  test('refuses a task with AI_QUEUE_FULL (503) when every waiting place is taken', async ({ assert }) => {
    const queue = new RequestQueue({ concurrency: 1, limit: 1 })
    const [a, b] = [heldTask(), heldTask()]
    const runs = [queue.run(a.task), queue.run(b.task)]

    const error = await queue.run(async () => 'never').catch((caught) => caught)
    assert.instanceOf(error, AppError)
    assert.equal(error.code, 'AI_QUEUE_FULL')
    assert.equal(error.status, 503)
    assert.isAbove(queue.retryAfterSeconds, 0)

    a.finish()
    b.finish()
    await Promise.all(runs)
  })

  test('a waiting task whose signal aborts leaves the queue without running', async ({ assert }) => {
    const queue = new RequestQueue({ concurrency: 1, limit: 2 })
    const running = heldTask()
    const first = queue.run(running.task)
    const controller = new AbortController()
    let ran = false
    const waiting = queue.run(async () => void (ran = true), controller.signal)
    assert.equal(queue.waiting, 1)

    controller.abort(new Error('client gone'))
    await assert.rejects(() => waiting, 'client gone')
    assert.equal(queue.waiting, 0)

    running.finish()
    await first
    assert.isFalse(ran)
    assert.equal(queue.running, 0)
  })

  test('a failing task frees its slot', async ({ assert }) => {
    const queue = new RequestQueue({ concurrency: 1, limit: 0 })
    await assert.rejects(() => queue.run(async () => Promise.reject(new Error('boom'))), 'boom')
    assert.equal(queue.running, 0)
    assert.equal(await queue.run(async () => 'next'), 'next')
  })

  test('rejectWaiting refuses every waiting task', async ({ assert }) => {
    const queue = new RequestQueue({ concurrency: 1, limit: 3 })
    const running = heldTask()
    const first = queue.run(running.task)
    const waiting = [queue.run(async () => 1), queue.run(async () => 2)]
    queue.rejectWaiting(new Error('shutting down'))
    for (const run of waiting) await assert.rejects(() => run, 'shutting down')
    running.finish()
    await first
    assert.equal(queue.running, 0)
  })
})
