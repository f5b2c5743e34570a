import { Head, Link, useForm } from '@inertiajs/react'
import { Autocomplete, Button, Card, Group, Stack, TextInput } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import { TIME_ZONES, type ClinicRecord } from '~/pages/identity/types'

type ClinicsEditProps = { clinic: ClinicRecord }

/** Rename a clinic or change its time zone. */
export default function ClinicsEdit({ clinic }: ClinicsEditProps) {
  const form = useForm({ name: clinic.name, timeZone: clinic.timeZone })
  const errors = form.errors as Record<string, string | undefined>

  return (
    <ConsoleLayout title={clinic.name}>
      <Head title={clinic.name} />
      <Group>
        <Button variant="subtle" component={Link} href="/admin/clinics">
          ← Clinics
        </Button>
      </Group>
      <Card withBorder maw={560}>
        <form
          data-testid="edit-clinic-form"
          onSubmit={(event) => {
            event.preventDefault()
            form.put(`/admin/clinics/${clinic.id}`, { preserveState: true })
          }}
        >
          <Stack gap="sm">
            <TextInput
              label="Name"
              value={form.data.name}
              onChange={(event) => form.setData('name', event.currentTarget.value)}
              error={errors.name}
              data-testid="clinic-name"
            />
            <Autocomplete
              label="Time zone"
              data={TIME_ZONES}
              limit={20}
              value={form.data.timeZone}
              onChange={(value) => form.setData('timeZone', value)}
              error={errors.timeZone}
              data-testid="clinic-time-zone"
            />
            <Group justify="flex-end">
              <Button type="submit" loading={form.processing} data-testid="save-clinic">
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </ConsoleLayout>
  )
}
