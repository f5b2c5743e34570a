import { Head } from '@inertiajs/react'
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { PublicLayout } from '~/layouts/public_layout'

type CheckStatus = 'ok' | 'warning' | 'error'

interface StatusPageProps {
  readiness: {
    status: CheckStatus
    version: string
    mode: 'embedded' | 'server'
    checkedAt: string
    checks: Record<string, { status: CheckStatus; message: string }>
  }
}

const STATUS_COLORS: Record<CheckStatus, string> = { ok: 'green', warning: 'yellow', error: 'red' }
const STATUS_LABELS: Record<CheckStatus, string> = { ok: 'Ready', warning: 'Degraded', error: 'Not ready' }

/** Public status page: which version runs and whether every dependency is ready. */
export default function StatusPage({ readiness }: StatusPageProps) {
  return (
    <PublicLayout>
      <Head title="Status" />
      <Stack gap="md" mt="md">
        <Group justify="space-between">
          <Title order={2}>System status</Title>
          <Badge size="lg" color={STATUS_COLORS[readiness.status]} data-testid="overall-status">
            {STATUS_LABELS[readiness.status]}
          </Badge>
        </Group>
        <Group justify="space-between">
          <Text c="dimmed" size="sm">
            Version <span data-testid="version">{readiness.version}</span> ·{' '}
            database <span data-testid="mode">{readiness.mode}</span> · checked{' '}
            {new Date(readiness.checkedAt).toLocaleString()}
          </Text>
          <Anchor href="/login" data-testid="open-console">
            Sign in to the console
          </Anchor>
        </Group>
        <Card withBorder padding={0}>
          <Table striped verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Check</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(readiness.checks).map(([name, check]) => (
                <Table.Tr key={name} data-testid={`check-${name}`}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[check.status]}>
                      {check.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{check.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
    </PublicLayout>
  )
}
