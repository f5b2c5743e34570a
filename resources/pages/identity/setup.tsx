import { Head, usePage, useForm } from '@inertiajs/react'
import { Alert, Button, Card, Divider, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { PublicLayout } from '~/layouts/public_layout'
import type { SharedProps } from '~/types'

type SetupProps = { timeZones: string[]; defaultTimeZone: string }

function browserTimeZone(timeZones: string[], fallback: string) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return timeZones.includes(zone) ? zone : fallback
}

/** First run: the first administrator and the first clinic. Shown only while no user exists. */
export default function Setup({ timeZones, defaultTimeZone }: SetupProps) {
  const { props } = usePage<SharedProps & Record<string, unknown>>()
  const form = useForm({
    email: '',
    fullName: '',
    password: '',
    passwordConfirmation: '',
    clinicName: '',
    timeZone: browserTimeZone(timeZones, defaultTimeZone),
  })
  const errors = form.errors as Record<string, string | undefined>

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/setup')
  }

  return (
    <PublicLayout>
      <Head title="Set up Clinibox" />
      <Card withBorder maw={560} mx="auto" mt="xl">
        <form onSubmit={submit} data-testid="setup-form">
          <Stack gap="sm">
            <Title order={2}>Set up Clinibox</Title>
            <Text size="sm" c="dimmed">
              Create the first administrator account and the first clinic. This page is available only once.
            </Text>
            {props.flash?.error && <Alert color="red">{props.flash.error}</Alert>}
            <Divider label="Administrator" labelPosition="left" />
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={form.data.email}
              onChange={(event) => form.setData('email', event.currentTarget.value)}
              error={errors.email}
              data-testid="setup-email"
            />
            <TextInput
              label="Full name"
              required
              value={form.data.fullName}
              onChange={(event) => form.setData('fullName', event.currentTarget.value)}
              error={errors.fullName}
              data-testid="setup-full-name"
            />
            <PasswordInput
              label="Password"
              description="At least 12 characters, not a common password, not your email."
              autoComplete="new-password"
              required
              value={form.data.password}
              onChange={(event) => form.setData('password', event.currentTarget.value)}
              error={errors.password}
              data-testid="setup-password"
            />
            <PasswordInput
              label="Repeat the password"
              autoComplete="new-password"
              required
              value={form.data.passwordConfirmation}
              onChange={(event) => form.setData('passwordConfirmation', event.currentTarget.value)}
              error={errors.passwordConfirmation}
              data-testid="setup-password-confirmation"
            />
            <Divider label="First clinic" labelPosition="left" />
            <TextInput
              label="Clinic name"
              required
              value={form.data.clinicName}
              onChange={(event) => form.setData('clinicName', event.currentTarget.value)}
              error={errors.clinicName}
              data-testid="setup-clinic-name"
            />
            <Select
              label="Time zone"
              searchable
              required
              allowDeselect={false}
              data={timeZones}
              value={form.data.timeZone}
              onChange={(value) => value && form.setData('timeZone', value)}
              error={errors.timeZone}
              data-testid="setup-time-zone"
            />
            {errors.form && (
              <Text c="red" size="sm">
                {errors.form}
              </Text>
            )}
            <Button type="submit" loading={form.processing} data-testid="setup-submit">
              Create administrator and clinic
            </Button>
          </Stack>
        </form>
      </Card>
    </PublicLayout>
  )
}
