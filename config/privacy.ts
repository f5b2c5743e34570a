import env from '#start/env'
import { vaultKeySettings } from '#privacy/vault/vault_key_settings'

/** PHI engine settings (see start/env.ts), validated at boot. */
const privacyConfig = {
  /** Detections scoring below this are dropped; low because a miss is worse than a false alarm. */
  threshold: env.get('PHI_THRESHOLD') ?? 0.3,
  /** Longest text the engine accepts (characters); longer is 413 PHI_TEXT_TOO_LARGE. */
  maxTextChars: env.get('PHI_MAX_TEXT_CHARS') ?? 500_000,
  /* Malformed vault keys stop the boot, naming the variable; production also requires PHI_VAULT_KEY. */
  vault: vaultKeySettings({
    activeKey: env.get('PHI_VAULT_KEY')?.release(),
    previousKeys: env.get('PHI_VAULT_PREVIOUS_KEYS')?.release(),
    required: env.get('NODE_ENV') === 'production',
  }),
}

export default privacyConfig
