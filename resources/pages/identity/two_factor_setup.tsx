import { Head, Link, useForm } from '@inertiajs/react'
import { Alert, Badge, Button, Card, Code, Group, Image, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'

type TwoFactorSetupProps = {
  enabled: boolean
  enabledAt: string | null
  required: boolean
  enrolment: { qrDataUrl: string; secret: string; uri: string } | null
}

/** Turn TOTP two-factor authentication on (scan, confirm a code) or off. */
export default function TwoFactorSetup({ enabled, enabledAt, required, enrolment }: TwoFactorSetupProps) {
  return (
    <ConsoleLayout title="Two-factor authentication">
      <Head title="Two-factor authentication" />
      <Group gap="xs">
        <Text>Status:</Text>
        <Badge color={enabled ? 'green' : 'gray'} data-testid="two-factor-status">
          {enabled ? 'on' : 'off'}
        </Badge>
        {enabledAt && (
          <Text size="sm" c="dimmed">
            since {new Date(enabledAt).toLocaleString()}
          </Text>
        )}
      </Group>
      {required && !enabled && (
        <Alert color="yellow" data-testid="two-factor-required">
          Your role requires two-factor authentication. Set it up to use the console.
        </Alert>
      )}
      {enrolment && <EnableCard enrolment={enrolment} />}
      {enabled && !required && <DisableCard />}
      {enabled && required && (
        <Text size="sm" c="dimmed">
          Your role requires two-factor authentication, so it cannot be turned off.
        </Text>
      )}
      <Group>
        <Button variant="subtle" component={Link} href="/account">
          Back to my account
        </Button>
      </Group>
    </ConsoleLayout>
  )
}

function EnableCard({ enrolment }: { enrolment: NonNullable<TwoFactorSetupProps['enrolment']> }) {
  const form = useForm({ code: '' })
  const errors = form.errors as Record<string, string | undefined>
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/account/two-factor/enable', { onFinish: () => form.reset('code') })
  }
  return (
    <Card withBorder maw={560}>
      <form onSubmit={submit} data-testid="enable-two-factor-form">
        <Stack gap="sm">
          <Title order={4}>Set up</Title>
          <List type="ordered" size="sm">
            <List.Item>Open an authenticator app (FreeOTP, Aegis, Google Authenticator, 1Password…).</List.Item>
            <List.Item>Scan this code, or type the key below.</List.Item>
            <List.Item>Enter the 6-digit code the app shows.</List.Item>
          </List>
          <Image src={enrolment.qrDataUrl} alt="QR code to scan with an authenticator app" w={220} h={220} data-testid="two-factor-qr" />
          <Text size="sm">
            Key: <Code data-testid="two-factor-secret">{enrolment.secret}</Code>
          </Text>
          <TextInput
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={form.data.code}
            onChange={(event) => form.setData('code', event.currentTarget.value.replace(/\D/g, ''))}
            error={errors.code}
            data-testid="enable-two-factor-code"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.processing} data-testid="enable-two-factor-submit">
              Turn on
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function DisableCard() {
  const form = useForm({ password: '', code: '' })
  const errors = form.errors as Record<string, string | undefined>
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/account/two-factor/disable', { onFinish: () => form.reset() })
  }
  return (
    <Card withBorder maw={560}>
      <form onSubmit={submit} data-testid="disable-two-factor-form">
        <Stack gap="sm">
          <Title order={4}>Turn off</Title>
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={form.data.password}
            onChange={(event) => form.setData('password', event.currentTarget.value)}
            error={errors.password}
            data-testid="disable-two-factor-password"
          />
          <TextInput
            label="Current code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={form.data.code}
            onChange={(event) => form.setData('code', event.currentTarget.value.replace(/\D/g, ''))}
            error={errors.code}
            data-testid="disable-two-factor-code"
          />
          <Group justify="flex-end">
            <Button type="submit" color="red" variant="light" loading={form.processing} data-testid="disable-two-factor-submit">
              Turn off
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
