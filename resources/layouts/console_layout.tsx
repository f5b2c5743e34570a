import type { ReactNode } from 'react'
import { Link, router, usePage } from '@inertiajs/react'
import { Alert, AppShell, Button, Group, NavLink, Select, Stack, Text, Title } from '@mantine/core'
import type { SharedProps } from '~/types'

const NAVIGATION: { href: string; label: string; permission?: string }[] = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/admin/users', label: 'Users', permission: 'users.read' },
  { href: '/admin/clinics', label: 'Clinics', permission: 'clinics.manage' },
  { href: '/admin/api-keys', label: 'API keys', permission: 'api_keys.manage' },
  { href: '/admin/audit', label: 'Audit log', permission: 'audit.read' },
  { href: '/phi', label: 'PHI check', permission: 'phi.detect' },
  { href: '/admin/models', label: 'Models', permission: 'ai.models.manage' },
  { href: '/account', label: 'My account' },
]

/** Signed-in console pages: navigation by permission, clinic switcher, sign out, flash messages. */
export function ConsoleLayout({ title, children }: { title: string; children: ReactNode }) {
  const { props, url } = usePage<SharedProps & Record<string, unknown>>()
  const auth = props.auth
  const permissions = new Set(auth?.permissions ?? [])

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>Clinibox</Title>
          {auth && (
            <Group gap="sm">
              {auth.clinics.length > 0 && (
                <Select
                  aria-label="Active clinic"
                  data-testid="clinic-switcher"
                  size="xs"
                  data={auth.clinics.map((clinic) => ({ value: String(clinic.id), label: clinic.name }))}
                  value={auth.clinic ? String(auth.clinic.id) : null}
                  onChange={(value) => value && router.post('/session/clinic', { clinicId: Number(value) })}
                  allowDeselect={false}
                />
              )}
              <Text size="sm" data-testid="signed-in-user">
                {auth.user.email}
              </Text>
              <Button size="xs" variant="light" onClick={() => router.post('/logout')}>
                Sign out
              </Button>
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {NAVIGATION.filter((item) => !item.permission || permissions.has(item.permission)).map((item) => (
          <NavLink key={item.href} component={Link} href={item.href} label={item.label} active={url.startsWith(item.href)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Stack gap="md">
          <Title order={2}>{title}</Title>
          {props.flash?.success && (
            <Alert color="green" data-testid="flash-success">
              {props.flash.success}
            </Alert>
          )}
          {props.flash?.error && (
            <Alert color="red" data-testid="flash-error">
              {props.flash.error}
            </Alert>
          )}
          {children}
        </Stack>
      </AppShell.Main>
    </AppShell>
  )
}
