import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAuditEvent } from '#audit/index'
import { AppError, clock } from '#kernel/index'
import User from '#identity/models/user'
import Clinic from '#identity/models/clinic'
import type { ClinicRole, SystemRole } from '#identity/roles'
import { validatePassword } from '#identity/services/validate_password'
import {
  assertMayGrantSystemRole,
  isUniqueViolation,
  requirePermission,
  type AdminScope,
} from '#identity/services/resolve_admin_scope'
import { loadVisibleMemberships } from '#identity/services/get_user'
import { serializeUser, type UserRecord } from '#identity/services/serialize_admin_records'
import { insertMembership } from '#identity/services/insert_membership'

export type CreateUserInput = {
  email: string
  fullName: string
  password: string
  systemRole?: SystemRole | null
  membership?: { clinicId: number; role: ClinicRole } | null
}

/**
 * Creates a user with an initial password (the password policy applies),
 * an optional system role (see assertMayGrantSystemRole) and an optional
 * first membership. A clinic-scoped admin must give a membership in their
 * own clinic. Audited `user.create` (+ `membership.create`) in the same
 * transaction. 409 DUPLICATE_EMAIL when the email is taken, in any case.
 */
export async function createUser(scope: AdminScope, input: CreateUserInput): Promise<UserRecord> {
  validatePassword(input.password, input.email)
  const systemRole = input.systemRole ?? null
  assertMayGrantSystemRole(scope, systemRole)
  if (input.membership) requirePermission(scope, 'memberships.manage')
  if (scope.tenantClinicId !== null && !input.membership) {
    throw AppError.unprocessable('MEMBERSHIP_REQUIRED', 'Give the new user a role in your clinic', { field: 'membership' })
  }

  try {
    return await db.transaction(async (trx) => {
      await assertEmailFree(input.email, trx)
      const clinic = input.membership ? await findMembershipClinic(scope, input.membership.clinicId, trx) : null

      const user = await User.create(
        {
          email: input.email,
          fullName: input.fullName,
          password: input.password,
          systemRole,
          failedLoginCount: 0,
          passwordChangedAt: clock.now(),
        },
        { client: trx }
      )
      await recordAuditEvent(
        {
          ...scope.audit,
          clinicId: scope.tenantClinicId,
          action: 'user.create',
          outcome: 'success',
          resourceType: 'user',
          resourceId: user.id,
          metadata: { email: user.email, systemRole },
        },
        { trx }
      )

      if (clinic && input.membership) await insertMembership(scope, user, clinic, input.membership.role, trx)
      return serializeUser(user, await loadVisibleMemberships(scope, user, trx))
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail()
    throw error
  }
}

/** 409 DUPLICATE_EMAIL when another user (other than `exceptUserId`) has this email, ignoring case. */
export async function assertEmailFree(email: string, trx: TransactionClientContract, exceptUserId?: number) {
  const query = User.query({ client: trx }).whereRaw('lower(email) = ?', [email.toLowerCase()])
  if (exceptUserId !== undefined) query.whereNot('id', exceptUserId)
  if (await query.first()) throw duplicateEmail()
}

function duplicateEmail() {
  return AppError.conflict('DUPLICATE_EMAIL', 'A user with this email already exists', { field: 'email' })
}

/**
 * The clinic a membership may be added to: any existing clinic for a
 * system admin, only the active clinic for a clinic admin. Anything else
 * answers 404 CLINIC_NOT_FOUND.
 */
export async function findMembershipClinic(scope: AdminScope, clinicId: number, trx: TransactionClientContract): Promise<Clinic> {
  const clinic = scope.tenantClinicId === null || scope.tenantClinicId === clinicId ? await Clinic.find(clinicId, { client: trx }) : null
  if (!clinic) throw AppError.notFound('CLINIC_NOT_FOUND', 'No clinic with this id', { field: 'membership.clinicId' })
  return clinic
}
