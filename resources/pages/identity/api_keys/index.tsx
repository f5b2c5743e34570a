import { Head, router, useForm } from '@inertiajs/react'
import { Alert, Badge, Button, Card, Code, CopyButton, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import { resetUnlessRefused } from '~/components/list_controls'
import { ConfirmButton } from '~/components/confirm_button'
import { ListPagination, SearchBox, visitList } from '~/components/list_controls'
import type { Paginated } from '~/types'
import { formatDate, type ApiKeyRecord, type ClinicOption } from '~/pages/identity/types'

type ApiKeysIndexProps = {
  apiKeys: Paginated<ApiKeyRecord>
  clinic: ClinicOption
  clinics: ClinicOption[]
  grantableAbilities: string[]
  newSecret: { name: string; prefix: string; secret: string } | null
  filters: { q: string; perPage: number }
}

type CreateKeyForm = { name: string; abilities: string[]; rateLimitPerMinute: number | string; expiresInDays: number | string }

/** A clinic's integration API keys: create one (its secret is shown once), see use, revoke. */
export default function ApiKeysIndex({ apiKeys, clinic, clinics, grantableAbilities, newSecret, filters }: ApiKeysIndexProps) {
  const visit = (query: { q?: string; page?: number; clinicId?: number }) =>
    visitList('/admin/api-keys', { clinicId: clinic.id, q: filters.q, perPage: filters.perPage, page: 1, ...query })

  return (
    <ConsoleLayout title="API keys">
      <Head title="API keys" />
      {clinics.length > 0 && (
        <Select
          label="Clinic"
          data={clinics.map((option) => ({ value: String(option.id), label: option.name }))}
          value={String(clinic.id)}
          onChange={(value) => value && visit({ clinicId: Number(value), q: '' })}
          allowDeselect={false}
          searchable
          maw={320}
          data-testid="api-key-clinic"
        />
      )}
      {newSecret && (
        <Alert color="yellow" title={`Secret of ${newSecret.name}: copy it now, it is shown only once`} data-testid="new-api-key-secret">
          <Group gap="sm">
            <Code data-testid="new-api-key-secret-value">{newSecret.secret}</Code>
            <CopyButton value={newSecret.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" mt="xs">
            Send it as the <Code>X-API-Key</Code> header. Clinibox stores only its hash.
          </Text>
        </Alert>
      )}
      <CreateKeyCard clinic={clinic} grantableAbilities={grantableAbilities} />
      <SearchBox initial={filters.q} placeholder="Name or prefix" onSearch={(q) => visit({ q })} />
      <Card withBorder padding={0}>
        <Table striped verticalSpacing="sm" horizontalSpacing="md" data-testid="api-keys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Prefix</Table.Th>
              <Table.Th>Abilities</Table.Th>
              <Table.Th>Limit / min</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Uses</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {apiKeys.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text c="dimmed" size="sm">
                    No API keys.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {apiKeys.data.map((apiKey) => (
              <Table.Tr key={apiKey.id} data-testid={`api-key-row-${apiKey.name}`} data-key-prefix={apiKey.prefix}>
                <Table.Td>{apiKey.name}</Table.Td>
                <Table.Td>
                  <Code>{apiKey.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {apiKey.abilities.map((ability) => (
                      <Badge key={ability} size="xs" variant="outline">
                        {ability}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{apiKey.rateLimitPerMinute}</Table.Td>
                <Table.Td>{apiKey.expiresAt ? formatDate(apiKey.expiresAt) : 'never'}</Table.Td>
                <Table.Td>{formatDate(apiKey.lastUsedAt)}</Table.Td>
                <Table.Td data-testid="api-key-use-count">{apiKey.useCount}</Table.Td>
                <Table.Td>
                  <KeyStatus apiKey={apiKey} />
                </Table.Td>
                <Table.Td>
                  {!apiKey.revokedAt && (
                    <ConfirmButton
                      size="xs"
                      color="red"
                      variant="light"
                      title="Revoke this key?"
                      message={`${apiKey.name} (${apiKey.prefix}…) stops working at once. This cannot be undone.`}
                      confirmLabel="Revoke"
                      onConfirm={() => router.post(`/admin/api-keys/${apiKey.id}/revoke`)}
                      testId={`revoke-api-key-${apiKey.name}`}
                    >
                      Revoke
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <ListPagination page={apiKeys} onPage={(page) => visit({ page })} />
    </ConsoleLayout>
  )
}

function KeyStatus({ apiKey }: { apiKey: ApiKeyRecord }) {
  if (apiKey.revokedAt) return <Badge color="gray">Revoked</Badge>
  if (apiKey.expiresAt && new Date(apiKey.expiresAt) <= new Date()) return <Badge color="orange">Expired</Badge>
  return <Badge color="green">Active</Badge>
}

function CreateKeyCard({ clinic, grantableAbilities }: { clinic: ClinicOption; grantableAbilities: string[] }) {
  const form = useForm<CreateKeyForm>({ name: '', abilities: [], rateLimitPerMinute: 100, expiresInDays: '' })
  const errors = form.errors as Record<string, string | undefined>

  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        New key for {clinic.name}
      </Title>
      <form
        data-testid="create-api-key-form"
        onSubmit={(event) => {
          event.preventDefault()
          form.transform((data) => ({
            clinicId: clinic.id,
            name: data.name,
            abilities: data.abilities,
            rateLimitPerMinute: Number(data.rateLimitPerMinute),
            expiresInDays: data.expiresInDays === '' ? null : Number(data.expiresInDays),
          }))
          form.post('/admin/api-keys', { preserveState: true, onSuccess: (page) => resetUnlessRefused(page, form) })
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label="Name"
              required
              value={form.data.name}
              onChange={(event) => form.setData('name', event.currentTarget.value)}
              error={errors.name}
              data-testid="api-key-name"
            />
            <NumberInput
              label="Requests per minute"
              min={1}
              max={10000}
              value={form.data.rateLimitPerMinute}
              onChange={(value) => form.setData('rateLimitPerMinute', value)}
              error={errors.rateLimitPerMinute}
              data-testid="api-key-rate-limit"
            />
            <NumberInput
              label="Expires in days"
              description="Empty: never"
              min={1}
              max={730}
              value={form.data.expiresInDays}
              onChange={(value) => form.setData('expiresInDays', value)}
              error={errors.expiresInDays}
              data-testid="api-key-expires"
            />
          </Group>
          <MultiSelect
            label="Abilities"
            description="Only abilities you hold yourself."
            data={grantableAbilities}
            value={form.data.abilities}
            onChange={(value) => form.setData('abilities', value)}
            error={errors.abilities ?? Object.entries(errors).find(([field]) => field.startsWith('abilities.'))?.[1]}
            searchable
            data-testid="api-key-abilities"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.processing} data-testid="create-api-key-submit">
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
