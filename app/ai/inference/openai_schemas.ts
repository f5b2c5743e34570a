import { z } from 'zod'

/** The most tokens one completion may ask for (the context may allow fewer). */
export const MAX_COMPLETION_TOKENS = 4096
/** Completion length when the request does not say. */
export const DEFAULT_COMPLETION_TOKENS = 512
/** Inputs one embeddings request may carry. */
export const MAX_EMBEDDING_INPUTS = 2048

/* OpenAI clients also send content as a list of parts; text parts are joined. */
const messageContent = z.union([
  z.string(),
  z.array(z.object({ type: z.literal('text'), text: z.string() })).transform((parts) => parts.map((part) => part.text).join('')),
])

/**
 * Request bodies of the inference service, in OpenAI's shapes. Unknown
 * fields are dropped (OpenAI clients send extras); known fields of the wrong
 * type are refused.
 */
export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1),
  messages: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: messageContent }))
    .min(1),
  max_tokens: z.number().int().min(1).nullish(),
  /* Newer OpenAI name for max_tokens; wins when both are given. */
  max_completion_tokens: z.number().int().min(1).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  stream: z.boolean().nullish(),
  response_format: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({ name: z.string().optional(), schema: z.unknown(), strict: z.boolean().nullish() }),
      }),
    ])
    .nullish(),
})
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>

export const embeddingsRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1).max(MAX_EMBEDDING_INPUTS)]),
  encoding_format: z.literal('float').nullish(),
})
export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>

/** Clinibox extension: named-entity spans with character offsets into `text`. */
export const tokenClassificationRequestSchema = z.object({
  model: z.string().min(1),
  text: z.string(),
})
export type TokenClassificationRequest = z.infer<typeof tokenClassificationRequestSchema>
