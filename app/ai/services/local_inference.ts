import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import aiConfig from '#config/ai'
import { recordAuditEvent, SYSTEM_ACTOR } from '#audit/index'
import { AppError } from '#kernel/index'
import type { InferenceEndpoint } from '#ai/inference/inference_endpoint'
import { InferenceClient } from '#ai/inference/inference_client'
import { RemoteInference } from '#ai/inference/remote_inference'
import { SupervisedInference } from '#ai/inference/supervised_inference'

let endpoint: InferenceEndpoint | null = null

/**
 * This process's way to the inference service: AI_INFERENCE_URL when set,
 * else a supervised child process (stopped when the app terminates).
 */
export function inferenceEndpoint(): InferenceEndpoint {
  if (endpoint) return endpoint
  if (aiConfig.inferenceUrl) {
    if (!aiConfig.inferenceSecret) throw AppError.unavailable('AI_INFERENCE_MISCONFIGURED', 'AI_INFERENCE_URL is set without AI_INFERENCE_SECRET.')
    endpoint = new RemoteInference(aiConfig.inferenceUrl, aiConfig.inferenceSecret)
  } else {
    const supervised = new SupervisedInference({
      appRoot: app.makePath(),
      logger,
      onCrash: (exit) =>
        void recordAuditEvent({
          action: 'ai.inference.crashed',
          outcome: 'failure',
          actor: SYSTEM_ACTOR,
          resourceType: 'inference_service',
          metadata: { code: exit.code, signal: exit.signal },
        }).catch((error) => logger.warn({ err: (error as Error).message }, 'could not audit the inference crash')),
    })
    app.terminating(() => supervised.stop())
    endpoint = supervised
  }
  return endpoint
}

export function localInferenceProvider(): InferenceClient {
  return new InferenceClient(inferenceEndpoint())
}
