/*
| Sign-in, first-run, account and dashboard pages rendered by the identity
| module, and the props each receives (besides the shared ones). The React
| pages under resources/pages/ declare the same props.
*/

export type AccessTokenRow = {
  id: number
  name: string | null
  abilities: string[]
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  expired: boolean
}

export type AuditVerificationSummary = {
  verifiedAt: string
  intact: boolean
  checkedEvents: number
  firstBrokenEventId: string | null
  message: string
}

declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'identity/login': { notice: 'idle' | null }
    'identity/two_factor_challenge': { email: string }
    'identity/setup': { timeZones: string[]; defaultTimeZone: string }
    'identity/account': {
      profile: {
        email: string
        fullName: string
        role: string | null
        lastLoginAt: string | null
        passwordChangedAt: string
        twoFactorEnabled: boolean
        twoFactorRequired: boolean
      }
      tokens: AccessTokenRow[]
      grantableAbilities: string[]
      /** The secret of a token just created, shown this once. */
      newToken: string | null
      tokenExpiryDays: { min: number; max: number; default: number }
    }
    'identity/two_factor_setup': {
      enabled: boolean
      enabledAt: string | null
      required: boolean
      /** Present while 2FA is off: what to scan or type into the authenticator app. */
      enrolment: { qrDataUrl: string; secret: string; uri: string } | null
    }
    'platform/dashboard': {
      fullName: string
      clinic: { id: number; name: string; timeZone: string } | null
      role: string | null
      /** Null when the user lacks audit.read (then it is not shown) or no verification ran yet. */
      auditVerification: AuditVerificationSummary | null
      canReadAudit: boolean
    }
  }
}
