import { Head, Link, useForm } from '@inertiajs/react'
import { Anchor, Autocomplete, Button, Card, Group, Table, Text, TextInput, Title } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import { resetUnlessRefused } from '~/components/list_controls'
import { ListPagination, SearchBox, visitList } from '~/components/list_controls'
import type { Paginated } from '~/types'
import { TIME_ZONES, formatDate, type ClinicRecord } from '~/pages/identity/types'

type ClinicsIndexProps = {
  clinics: Paginated<ClinicRecord>
  filters: { q: string; perPage: number }
}

/** Clinics (tenants): list, search, and a form to add one. */
export default function ClinicsIndex({ clinics, filters }: ClinicsIndexProps) {
  const visit = (query: { q?: string; page?: number }) => visitList('/admin/clinics', { q: filters.q, perPage: filters.perPage, page: 1, ...query })
  const form = useForm({ name: '', timeZone: 'UTC' })
  const errors = form.errors as Record<string, string | undefined>

  return (
    <ConsoleLayout title="Clinics">
      <Head title="Clinics" />
      <Card withBorder>
        <Title order={4} mb="sm">
          New clinic
        </Title>
        <form
          data-testid="create-clinic-form"
          onSubmit={(event) => {
            event.preventDefault()
            form.post('/admin/clinics', { preserveState: true, onSuccess: (page) => resetUnlessRefused(page, form) })
          }}
        >
          <Group align="flex-start" grow>
            <TextInput
              label="Name"
              required
              value={form.data.name}
              onChange={(event) => form.setData('name', event.currentTarget.value)}
              error={errors.name}
              data-testid="clinic-name"
            />
            <Autocomplete
              label="Time zone"
              required
              data={TIME_ZONES}
              limit={20}
              value={form.data.timeZone}
              onChange={(value) => form.setData('timeZone', value)}
              error={errors.timeZone}
              data-testid="clinic-time-zone"
            />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={form.processing} data-testid="create-clinic-submit">
              Create clinic
            </Button>
          </Group>
        </form>
      </Card>
      <SearchBox initial={filters.q} placeholder="Clinic name" onSearch={(q) => visit({ q })} />
      <Card withBorder padding={0}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="clinics-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Time zone</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clinics.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text c="dimmed" size="sm">
                    No clinics match.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {clinics.data.map((clinic) => (
              <Table.Tr key={clinic.id} data-testid={`clinic-row-${clinic.name}`}>
                <Table.Td>
                  <Anchor component={Link} href={`/admin/clinics/${clinic.id}/edit`}>
                    {clinic.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{clinic.timeZone}</Table.Td>
                <Table.Td>{formatDate(clinic.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <ListPagination page={clinics} onPage={(page) => visit({ page })} />
    </ConsoleLayout>
  )
}
