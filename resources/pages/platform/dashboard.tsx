import { Head, Link } from '@inertiajs/react'
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'

type DashboardProps = {
  fullName: string
  clinic: { id: number; name: string; timeZone: string } | null
  role: string | null
  auditVerification: {
    verifiedAt: string
    intact: boolean
    checkedEvents: number
    firstBrokenEventId: string | null
    message: string
  } | null
  canReadAudit: boolean
}

/** The console's home after sign-in. */
export default function Dashboard({ fullName, clinic, role, auditVerification, canReadAudit }: DashboardProps) {
  return (
    <ConsoleLayout title="Dashboard">
      <Head title="Dashboard" />
      <Text size="lg" data-testid="dashboard-welcome">
        Welcome, {fullName}.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap={4}>
            <Title order={4}>Where you are</Title>
            <Text data-testid="dashboard-clinic">
              {clinic ? `${clinic.name} (${clinic.timeZone})` : 'No clinic: ask an administrator to add you to one.'}
            </Text>
            <Text size="sm" c="dimmed">
              Role: <span data-testid="dashboard-role">{role ?? 'none'}</span>
            </Text>
          </Stack>
        </Card>
        {canReadAudit && (
          <Card withBorder data-testid="audit-last-verified">
            <Stack gap={4}>
              <Group justify="space-between">
                <Title order={4}>Audit log</Title>
                {auditVerification && (
                  <Badge color={auditVerification.intact ? 'green' : 'red'} data-testid="audit-chain-status">
                    {auditVerification.intact ? 'intact' : 'broken'}
                  </Badge>
                )}
              </Group>
              {auditVerification ? (
                <>
                  <Text size="sm">{auditVerification.message}</Text>
                  <Text size="sm" c="dimmed">
                    Last verified {new Date(auditVerification.verifiedAt).toLocaleString()}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  The hash chain has not been verified yet (run <code>node ace audit:verify</code>).
                </Text>
              )}
              <Group>
                <Button size="xs" variant="light" component={Link} href="/admin/audit">
                  Open the audit log
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </SimpleGrid>
    </ConsoleLayout>
  )
}
