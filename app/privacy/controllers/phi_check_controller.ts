import '#privacy/http/inertia_pages'
import type { HttpContext } from '@adonisjs/core/http'
import privacyConfig from '#config/privacy'
import { loadDictionaries } from '#privacy/reference/load_dictionaries'
import { DEIDENTIFY_OPERATORS } from '#privacy/deidentify/deidentify'
import { PHI_TYPES } from '#privacy/phi_types'

/**
 * Console "PHI check": paste a text, see what is PHI and the de-identified
 * result. The page posts to /phi/detect and /phi/deidentify (JSON, never
 * through the session, so PHI is not stored in a flash message).
 */
export default class PhiCheckController {
  async show(ctx: HttpContext) {
    const dictionaries = await loadDictionaries()
    return ctx.inertia.render('privacy/phi_check', {
      referenceData: { pack: dictionaries.source.pack, version: dictionaries.source.version, builtIn: dictionaries.source.pack === 'built-in' },
      operators: [...DEIDENTIFY_OPERATORS],
      types: [...PHI_TYPES],
      maxTextChars: privacyConfig.maxTextChars,
      canReidentify: ctx.actor.permissions.has('phi.reidentify'),
    })
  }
}
