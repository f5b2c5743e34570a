import type { HttpContext } from '@adonisjs/core/http'
import { validateRequest } from '#kernel/index'
import { authorize } from '#identity/policies/authorize'
import { resolveAdminScope } from '#identity/services/resolve_admin_scope'
import { addMembership } from '#identity/services/add_membership'
import { changeMembershipRole } from '#identity/services/change_membership_role'
import { removeMembership } from '#identity/services/remove_membership'
import { addMembershipSchema, changeMembershipRoleSchema, membershipParamsSchema } from '#identity/validators/user_validators'

/** REST: /api/v1/users/:id/memberships (memberships.manage; a clinic admin only in their clinic). */
export default class MembershipsController {
  async store(ctx: HttpContext) {
    authorize(ctx, 'memberships.manage')
    const { params, body } = validateRequest(ctx, addMembershipSchema)
    return ctx.response.created({ membership: await addMembership(resolveAdminScope(ctx), params.id, body) })
  }

  async update(ctx: HttpContext) {
    authorize(ctx, 'memberships.manage')
    const { params, body } = validateRequest(ctx, changeMembershipRoleSchema)
    return { membership: await changeMembershipRole(resolveAdminScope(ctx), params.id, params.membershipId, body.role) }
  }

  async destroy(ctx: HttpContext) {
    authorize(ctx, 'memberships.manage')
    const { params } = validateRequest(ctx, membershipParamsSchema)
    await removeMembership(resolveAdminScope(ctx), params.id, params.membershipId)
    return ctx.response.noContent()
  }
}
