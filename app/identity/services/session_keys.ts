/** What the identity module keeps in a console session (ids and flags only). */
export const SESSION_KEYS = {
  clinicId: 'identity.clinicId',
  lastSeenAt: 'identity.lastSeenAt',
  twoFactorPassed: 'identity.twoFactorPassed',
  /** Set between a correct password and the TOTP code, for users with 2FA. */
  pendingTwoFactorUserId: 'identity.pendingTwoFactorUserId',
} as const
