import { Head, Link, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, Card, Group, Select, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { ConsoleLayout } from '~/layouts/console_layout'
import { ListPagination, SearchBox, visitList } from '~/components/list_controls'
import { UserStatus } from '~/components/user_status'
import type { Paginated, SharedProps } from '~/types'
import { roleLabel, formatDate, type UserRecord } from '~/pages/identity/types'

type UsersIndexProps = {
  users: Paginated<UserRecord>
  filters: { q: string; perPage: number; role: string | null }
  roles: string[]
}

/** Users the admin may see: search by email or name, filter by role, page through. */
export default function UsersIndex({ users, filters, roles }: UsersIndexProps) {
  const { props } = usePage<SharedProps & Record<string, unknown>>()
  const canManage = props.auth?.permissions.includes('users.manage') ?? false
  const [role, setRole] = useState<string | null>(filters.role)
  const visit = (query: { q?: string; role?: string | null; page?: number }) =>
    visitList('/admin/users', { q: filters.q, role: filters.role, perPage: filters.perPage, page: 1, ...query })

  return (
    <ConsoleLayout title="Users">
      <Head title="Users" />
      <Group justify="space-between" align="flex-end">
        <SearchBox initial={filters.q} placeholder="Email or name" onSearch={(q) => visit({ q, role })}>
          <Select
            aria-label="Role"
            placeholder="Any role"
            data={roles.map((value) => ({ value, label: roleLabel(value) }))}
            value={role}
            onChange={(value) => {
              setRole(value)
              visit({ role: value })
            }}
            clearable
            data-testid="role-filter"
            w={180}
          />
        </SearchBox>
        {canManage && (
          <Button component={Link} href="/admin/users/create" data-testid="new-user">
            New user
          </Button>
        )}
      </Group>
      <Card withBorder padding={0}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" size="sm" data-testid="users-empty">
                    No users match.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {users.data.map((user) => (
              <Table.Tr key={user.id} data-testid={`user-row-${user.email}`}>
                <Table.Td>
                  <Anchor component={Link} href={`/admin/users/${user.id}/edit`} data-testid={`user-link-${user.email}`}>
                    {user.email}
                  </Anchor>
                </Table.Td>
                <Table.Td>{user.fullName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.systemRole && (
                      <Badge color="grape" variant="light">
                        {roleLabel(user.systemRole)}
                      </Badge>
                    )}
                    {user.memberships.map((membership) => (
                      <Badge key={membership.id} variant="light" title={membership.clinicName}>
                        {membership.clinicName}: {roleLabel(membership.role)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <UserStatus user={user} />
                </Table.Td>
                <Table.Td>{formatDate(user.lastLoginAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <ListPagination page={users} onPage={(page) => visit({ page, role })} />
    </ConsoleLayout>
  )
}
