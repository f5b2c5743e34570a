import type { ModelRegistryView } from '#ai/registry/list_models'
import type { InferenceStatus } from '#ai/inference/inference_endpoint'

/*
| Console pages of the ai module and their props; resources/pages/ai/
| declares the same props.
*/
declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'ai/models': ModelRegistryView & { inference: InferenceStatus; modelsPath: string }
  }
}
