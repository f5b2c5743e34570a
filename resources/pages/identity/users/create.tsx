import { Head, Link, useForm } from '@inertiajs/react'
import { Button, Card, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import { roleLabel, type ClinicOption } from '~/pages/identity/types'

type UsersCreateProps = {
  clinics: ClinicOption[]
  clinicRoles: string[]
  grantableSystemRoles: string[]
}

type CreateUserForm = {
  email: string
  fullName: string
  password: string
  systemRole: string | null
  clinicId: string | null
  role: string | null
}

/** A new user: email, name, an initial password, and a system role or a first clinic role. */
export default function UsersCreate({ clinics, clinicRoles, grantableSystemRoles }: UsersCreateProps) {
  const form = useForm<CreateUserForm>({
    email: '',
    fullName: '',
    password: '',
    systemRole: null,
    clinicId: clinics.length === 1 ? String(clinics[0].id) : null,
    role: null,
  })
  const errors = form.errors as Record<string, string | undefined>

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.transform((data) => ({
      email: data.email,
      fullName: data.fullName,
      password: data.password,
      systemRole: data.systemRole,
      /* Half a membership is sent as is, so the missing half is reported rather than dropped. */
      membership: data.clinicId || data.role ? { clinicId: data.clinicId ? Number(data.clinicId) : null, role: data.role } : null,
    }))
    form.post('/admin/users', { preserveState: true })
  }

  return (
    <ConsoleLayout title="New user">
      <Head title="New user" />
      <Card withBorder maw={560}>
        <form onSubmit={submit} data-testid="create-user-form">
          <Stack gap="sm">
            <TextInput
              label="Email"
              type="email"
              required
              value={form.data.email}
              onChange={(event) => form.setData('email', event.currentTarget.value)}
              error={errors.email}
              data-testid="user-email"
            />
            <TextInput
              label="Full name"
              required
              value={form.data.fullName}
              onChange={(event) => form.setData('fullName', event.currentTarget.value)}
              error={errors.fullName}
              data-testid="user-full-name"
            />
            <PasswordInput
              label="Initial password"
              description="At least 12 characters, not a common password, not the email."
              required
              value={form.data.password}
              onChange={(event) => form.setData('password', event.currentTarget.value)}
              error={errors.password}
              data-testid="user-password"
            />
            {grantableSystemRoles.length > 0 && (
              <Select
                label="System role"
                description="Applies in every clinic. Leave empty for clinic roles only."
                placeholder="None"
                data={grantableSystemRoles.map((value) => ({ value, label: roleLabel(value) }))}
                value={form.data.systemRole}
                onChange={(value) => form.setData('systemRole', value)}
                clearable
                error={errors.systemRole}
                data-testid="user-system-role"
              />
            )}
            <Text fw={500} size="sm" mt="xs">
              First clinic role
            </Text>
            <Group grow>
              <Select
                label="Clinic"
                placeholder="None"
                data={clinics.map((clinic) => ({ value: String(clinic.id), label: clinic.name }))}
                value={form.data.clinicId}
                onChange={(value) => form.setData('clinicId', value)}
                clearable
                searchable
                error={errors['membership.clinicId'] ?? errors.membership}
                data-testid="user-clinic"
              />
              <Select
                label="Role"
                placeholder="None"
                data={clinicRoles.map((value) => ({ value, label: roleLabel(value) }))}
                value={form.data.role}
                onChange={(value) => form.setData('role', value)}
                clearable
                error={errors['membership.role']}
                data-testid="user-role"
              />
            </Group>
            {errors.form && (
              <Text c="red" size="sm">
                {errors.form}
              </Text>
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} href="/admin/users">
                Cancel
              </Button>
              <Button type="submit" loading={form.processing} data-testid="create-user-submit">
                Create user
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </ConsoleLayout>
  )
}
