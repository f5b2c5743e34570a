import { useState, type FormEvent } from 'react'
import { Head, router, usePage } from '@inertiajs/react'
import { Badge, Button, Card, Code, Group, NativeSelect, Pagination, SimpleGrid, Table, Text, TextInput } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import type { Paginated, SharedProps } from '~/types'

type AuditEvent = {
  id: string
  occurredAt: string
  actorType: string
  actorId: string | null
  actorLabel: string | null
  clinicId: number | null
  action: string
  resourceType: string | null
  resourceId: string | null
  outcome: string
  ip: string | null
  requestId: string | null
  metadata: Record<string, unknown>
}

type Filters = {
  actor: string
  action: string
  resourceType: string
  resourceId: string
  clinicId: string
  outcome: string
  from: string
  to: string
  perPage: string
}

type AuditLogPageProps = {
  events: Paginated<AuditEvent>
  filters: Filters
  scope: 'all' | 'clinic'
  canExport: boolean
}

const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' }
const EMPTY_FILTERS: Filters = {
  actor: '',
  action: '',
  resourceType: '',
  resourceId: '',
  clinicId: '',
  outcome: '',
  from: '',
  to: '',
  perPage: '25',
}

/** Only the filters that are set, as query parameters. */
function queryOf(filters: Partial<Filters>, extra: Record<string, string> = {}) {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== '' && !(key === 'perPage' && value === EMPTY_FILTERS.perPage)) query[key] = value
  }
  return query
}

/** `2025-01-31 14:05:09 UTC` */
function formatTime(iso: string) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

/** The audit log: who did what, where and when, filtered; exportable as CSV. */
export default function AuditLogPage({ events, filters, scope, canExport }: AuditLogPageProps) {
  const { props } = usePage<SharedProps & Record<string, unknown>>()
  const clinics = props.auth?.clinics ?? []
  const clinicName = (id: number | null) => (id === null ? '—' : (clinics.find((clinic) => clinic.id === id)?.name ?? `#${id}`))
  const [values, setValues] = useState<Filters>(filters)
  const set = (key: keyof Filters) => (value: string) => setValues((current) => ({ ...current, [key]: value }))

  function applyFilters(event: FormEvent) {
    event.preventDefault()
    router.get('/admin/audit', queryOf(values), { preserveState: false })
  }

  function goToPage(page: number) {
    router.get('/admin/audit', queryOf(filters, { page: String(page) }))
  }

  const { perPage: _perPage, ...exportFilters } = filters
  const exportHref = `/admin/audit/export.csv?${new URLSearchParams(queryOf(exportFilters)).toString()}`.replace(/\?$/, '')

  return (
    <ConsoleLayout title="Audit log">
      <Head title="Audit log" />
      <Card withBorder>
        <form onSubmit={applyFilters} data-testid="audit-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput label="Actor" name="actor" placeholder="email, key prefix or id" value={values.actor} onChange={(e) => set('actor')(e.currentTarget.value)} />
            <TextInput label="Action" name="action" placeholder="user.create or user." value={values.action} onChange={(e) => set('action')(e.currentTarget.value)} />
            <TextInput label="Resource type" name="resourceType" value={values.resourceType} onChange={(e) => set('resourceType')(e.currentTarget.value)} />
            <TextInput label="Resource id" name="resourceId" value={values.resourceId} onChange={(e) => set('resourceId')(e.currentTarget.value)} />
            <NativeSelect
              label="Outcome"
              name="outcome"
              value={values.outcome}
              onChange={(e) => set('outcome')(e.currentTarget.value)}
              data={[
                { value: '', label: 'Any' },
                { value: 'success', label: 'Success' },
                { value: 'failure', label: 'Failure' },
                { value: 'denied', label: 'Denied' },
              ]}
            />
            {scope === 'all' && (
              <NativeSelect
                label="Clinic"
                name="clinicId"
                value={values.clinicId}
                onChange={(e) => set('clinicId')(e.currentTarget.value)}
                data={[{ value: '', label: 'Any' }, ...clinics.map((clinic) => ({ value: String(clinic.id), label: clinic.name }))]}
              />
            )}
            <TextInput label="From" name="from" type="date" value={values.from} onChange={(e) => set('from')(e.currentTarget.value)} />
            <TextInput label="To" name="to" type="date" value={values.to} onChange={(e) => set('to')(e.currentTarget.value)} />
          </SimpleGrid>
          <Group mt="md" gap="sm">
            <Button type="submit" data-testid="audit-apply">
              Apply filters
            </Button>
            <Button variant="default" onClick={() => router.get('/admin/audit')} data-testid="audit-reset">
              Reset
            </Button>
            {canExport && (
              <Button component="a" href={exportHref} variant="light" data-testid="audit-export">
                Export CSV
              </Button>
            )}
          </Group>
        </form>
      </Card>

      <Text size="sm" c="dimmed" data-testid="audit-total">
        {events.meta.total} events{scope === 'clinic' ? ' in this clinic' : ''}, newest first
      </Text>

      <Card withBorder padding={0}>
        <Table striped verticalSpacing="xs" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Actor</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Resource</Table.Th>
              <Table.Th>Clinic</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>IP</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data.map((event) => (
              <Table.Tr key={event.id} data-testid={`audit-row-${event.id}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(event.occurredAt)}</Table.Td>
                <Table.Td>
                  {event.actorLabel ?? event.actorId ?? '—'}
                  <Text size="xs" c="dimmed">
                    {event.actorType}
                  </Text>
                </Table.Td>
                <Table.Td data-testid="audit-action">{event.action}</Table.Td>
                <Table.Td>{event.resourceType ? `${event.resourceType}${event.resourceId ? ` #${event.resourceId}` : ''}` : '—'}</Table.Td>
                <Table.Td>{clinicName(event.clinicId)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={OUTCOME_COLORS[event.outcome] ?? 'gray'}>
                    {event.outcome}
                  </Badge>
                </Table.Td>
                <Table.Td>{event.ip ?? '—'}</Table.Td>
                <Table.Td>{Object.keys(event.metadata).length > 0 ? <Code>{JSON.stringify(event.metadata)}</Code> : null}</Table.Td>
              </Table.Tr>
            ))}
            {events.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text c="dimmed" ta="center" data-testid="audit-empty">
                    No events match these filters.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Card>

      {events.meta.lastPage > 1 && (
        <Group justify="center">
          <Pagination total={events.meta.lastPage} value={events.meta.currentPage} onChange={goToPage} data-testid="audit-pagination" />
        </Group>
      )}
    </ConsoleLayout>
  )
}
