import { Head, Link, router, useForm, usePage } from '@inertiajs/react'
import { Badge, Button, Card, Group, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import { resetUnlessRefused } from '~/components/list_controls'
import { ConfirmButton } from '~/components/confirm_button'
import type { SharedProps } from '~/types'
import { UserStatus } from '~/components/user_status'
import { formatDate, roleLabel, type ClinicOption, type UserRecord } from '~/pages/identity/types'

type UsersEditProps = {
  user: UserRecord
  clinics: ClinicOption[]
  clinicRoles: string[]
  grantableSystemRoles: string[]
}

/** One user: details, status (disable, enable, unlock), a new password, and their clinic roles. */
export default function UsersEdit({ user, clinics, clinicRoles, grantableSystemRoles }: UsersEditProps) {
  const { props } = usePage<SharedProps & Record<string, unknown>>()
  const permissions = new Set(props.auth?.permissions ?? [])
  const canManage = permissions.has('users.manage')
  const canManageMemberships = permissions.has('memberships.manage')
  const isSelf = props.auth?.user.id === user.id

  return (
    <ConsoleLayout title={user.email}>
      <Head title={user.email} />
      <Group>
        <Button variant="subtle" component={Link} href="/admin/users" data-testid="back-to-users">
          ← Users
        </Button>
      </Group>
      <Group align="flex-start" grow>
        <Stack>
          <DetailsCard user={user} canManage={canManage} grantableSystemRoles={grantableSystemRoles} isSelf={isSelf} />
          {canManage && <PasswordCard user={user} />}
        </Stack>
        <Stack>
          <StatusCard user={user} canManage={canManage} isSelf={isSelf} />
          <MembershipsCard
            user={user}
            clinics={clinics}
            clinicRoles={clinicRoles}
            canManage={canManageMemberships && (!isSelf || grantableSystemRoles.length > 0)}
          />
        </Stack>
      </Group>
    </ConsoleLayout>
  )
}

function DetailsCard({
  user,
  canManage,
  grantableSystemRoles,
  isSelf,
}: {
  user: UserRecord
  canManage: boolean
  grantableSystemRoles: string[]
  isSelf: boolean
}) {
  const form = useForm({ email: user.email, fullName: user.fullName, systemRole: user.systemRole })
  const errors = form.errors as Record<string, string | undefined>
  const roleOptions = [...new Set([...grantableSystemRoles, ...(user.systemRole ? [user.systemRole] : [])])]
  const canChangeRole = canManage && !isSelf && grantableSystemRoles.length > 0

  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Details
      </Title>
      <form
        data-testid="edit-user-form"
        onSubmit={(event) => {
          event.preventDefault()
          form.transform((data) => (canChangeRole ? data : { email: data.email, fullName: data.fullName }))
          form.put(`/admin/users/${user.id}`, { preserveState: true })
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Email"
            type="email"
            value={form.data.email}
            onChange={(event) => form.setData('email', event.currentTarget.value)}
            error={errors.email}
            disabled={!canManage}
            data-testid="user-email"
          />
          <TextInput
            label="Full name"
            value={form.data.fullName}
            onChange={(event) => form.setData('fullName', event.currentTarget.value)}
            error={errors.fullName}
            disabled={!canManage}
            data-testid="user-full-name"
          />
          <Select
            label="System role"
            placeholder="None"
            data={roleOptions.map((value) => ({ value, label: roleLabel(value) }))}
            value={form.data.systemRole}
            onChange={(value) => form.setData('systemRole', value)}
            clearable
            disabled={!canChangeRole}
            error={errors.systemRole}
            data-testid="user-system-role"
          />
          {errors.form && (
            <Text c="red" size="sm">
              {errors.form}
            </Text>
          )}
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" loading={form.processing} data-testid="save-user">
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  )
}

function StatusCard({ user, canManage, isSelf }: { user: UserRecord; canManage: boolean; isSelf: boolean }) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>Status</Title>
        <UserStatus user={user} />
      </Group>
      <Stack gap={4}>
        <Text size="sm">Two-factor: {user.twoFactorEnabled ? 'on' : 'off'}</Text>
        <Text size="sm">Last sign-in: {formatDate(user.lastLoginAt)}</Text>
        {user.locked && <Text size="sm">Locked until {formatDate(user.lockedUntil)}</Text>}
        {user.disabledAt && <Text size="sm">Disabled on {formatDate(user.disabledAt)}</Text>}
      </Stack>
      {canManage && (
        <Group mt="md">
          {user.disabledAt ? (
            <Button variant="light" onClick={() => router.post(`/admin/users/${user.id}/enable`)} data-testid="enable-user">
              Enable
            </Button>
          ) : (
            !isSelf && (
              <ConfirmButton
                color="red"
                variant="light"
                title="Disable this user?"
                message={`${user.email} will be signed out and can no longer sign in or use the API until enabled again.`}
                confirmLabel="Disable"
                onConfirm={() => router.post(`/admin/users/${user.id}/disable`)}
                testId="disable-user"
              >
                Disable
              </ConfirmButton>
            )
          )}
          {user.locked && (
            <Button variant="light" onClick={() => router.post(`/admin/users/${user.id}/unlock`)} data-testid="unlock-user">
              Unlock
            </Button>
          )}
        </Group>
      )}
    </Card>
  )
}

function PasswordCard({ user }: { user: UserRecord }) {
  const form = useForm({ password: '' })
  const errors = form.errors as Record<string, string | undefined>
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Set a new password
      </Title>
      <form
        data-testid="reset-password-form"
        onSubmit={(event) => {
          event.preventDefault()
          form.post(`/admin/users/${user.id}/password`, { preserveState: true, onSuccess: (page) => resetUnlessRefused(page, form) })
        }}
      >
        <Stack gap="sm">
          <PasswordInput
            label="New password"
            description="At least 12 characters, not a common password, not the email. The user's sessions end."
            value={form.data.password}
            onChange={(event) => form.setData('password', event.currentTarget.value)}
            error={errors.password}
            data-testid="new-password"
          />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={form.processing} data-testid="reset-password">
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function MembershipsCard({
  user,
  clinics,
  clinicRoles,
  canManage,
}: {
  user: UserRecord
  clinics: ClinicOption[]
  clinicRoles: string[]
  canManage: boolean
}) {
  const held = new Set(user.memberships.map((membership) => membership.clinicId))
  const available = clinics.filter((clinic) => !held.has(clinic.id))
  const form = useForm<{ clinicId: string | null; role: string | null }>({
    clinicId: available.length === 1 ? String(available[0].id) : null,
    role: null,
  })
  const errors = form.errors as Record<string, string | undefined>
  const roleData = clinicRoles.map((value) => ({ value, label: roleLabel(value) }))

  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Clinic roles
      </Title>
      <Table data-testid="memberships-table">
        <Table.Tbody>
          {user.memberships.length === 0 && (
            <Table.Tr>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  No clinic roles.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {user.memberships.map((membership) => (
            <Table.Tr key={membership.id} data-testid={`membership-row-${membership.clinicName}`}>
              <Table.Td>{membership.clinicName}</Table.Td>
              <Table.Td>
                {canManage ? (
                  <Select
                    aria-label={`Role in ${membership.clinicName}`}
                    data={roleData}
                    value={membership.role}
                    allowDeselect={false}
                    onChange={(role) => role && router.put(`/admin/users/${user.id}/memberships/${membership.id}`, { role })}
                    data-testid={`membership-role-${membership.clinicName}`}
                  />
                ) : (
                  <Badge variant="light">{roleLabel(membership.role)}</Badge>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <ConfirmButton
                    size="xs"
                    color="red"
                    variant="subtle"
                    title="Remove this clinic role?"
                    message={`${user.email} loses access to ${membership.clinicName}.`}
                    confirmLabel="Remove"
                    onConfirm={() => router.delete(`/admin/users/${user.id}/memberships/${membership.id}`)}
                    testId={`remove-membership-${membership.clinicName}`}
                  >
                    Remove
                  </ConfirmButton>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && available.length > 0 && (
        <form
          data-testid="add-membership-form"
          onSubmit={(event) => {
            event.preventDefault()
            form.transform((data) => ({ clinicId: data.clinicId ? Number(data.clinicId) : null, role: data.role }))
            form.post(`/admin/users/${user.id}/memberships`, { preserveState: true, onSuccess: (page) => resetUnlessRefused(page, form) })
          }}
        >
          <Group align="flex-end" mt="md" grow>
            <Select
              label="Clinic"
              data={available.map((clinic) => ({ value: String(clinic.id), label: clinic.name }))}
              value={form.data.clinicId}
              onChange={(value) => form.setData('clinicId', value)}
              searchable
              error={errors.clinicId}
              data-testid="membership-clinic"
            />
            <Select
              label="Role"
              data={roleData}
              value={form.data.role}
              onChange={(value) => form.setData('role', value)}
              error={errors.role}
              data-testid="membership-role"
            />
            <Button type="submit" variant="light" loading={form.processing} data-testid="add-membership">
              Add
            </Button>
          </Group>
        </form>
      )}
    </Card>
  )
}
