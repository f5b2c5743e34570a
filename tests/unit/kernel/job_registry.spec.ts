import { test } from '@japa/runner'
import { z } from 'zod'
import { deadLetterQueueOf, defineJob } from '#kernel/index'
import { JOB_DEFAULTS } from '#kernel/jobs/job_definition'
import { JobRegistry } from '#kernel/jobs/job_registry'

const noop = async () => {}

test.group('defineJob', () => {
  test('fills retry, backoff, expiry, batch and polling defaults', ({ assert }) => {
    const job = defineJob({ queue: 'test.defaults', payload: z.object({}), handle: noop })
    assert.containsSubset(job, JOB_DEFAULTS)
  })

  test('keeps the options a definition sets', ({ assert }) => {
    const job = defineJob({ queue: 'test.custom', payload: z.object({}), handle: noop, retryLimit: 0, batchSize: 1 })
    assert.equal(job.retryLimit, 0)
    assert.equal(job.batchSize, 1)
  })

  test('names the dead-letter queue after the queue', ({ assert }) => {
    assert.equal(deadLetterQueueOf('documents.extract'), 'documents.extract.dead')
  })
})

test.group('JobRegistry', () => {
  test('lists registered definitions and finds them by queue', ({ assert }) => {
    const registry = new JobRegistry()
    const job = defineJob({ queue: 'test.one', payload: z.object({}), handle: noop })
    registry.register([job])
    registry.register([job])
    assert.deepEqual(registry.all(), [job])
    assert.strictEqual(registry.get('test.one'), job)
  })

  test('refuses two different definitions for one queue', ({ assert }) => {
    const registry = new JobRegistry()
    registry.register([defineJob({ queue: 'test.same', payload: z.object({}), handle: noop })])
    assert.throws(() => registry.register([defineJob({ queue: 'test.same', payload: z.object({}), handle: noop })]), /registered twice/)
  })

  test('refuses queue names pg-boss cannot store', ({ assert }) => {
    const registry = new JobRegistry()
    assert.throws(() => registry.register([defineJob({ queue: 'bad name!', payload: z.object({}), handle: noop })]), /Invalid queue name/)
  })
})
