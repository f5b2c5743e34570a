import { Head, router, usePage, useForm } from '@inertiajs/react'
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { PublicLayout } from '~/layouts/public_layout'
import type { SharedProps } from '~/types'

type TwoFactorChallengeProps = { email: string }

/** The second sign-in step: the 6-digit code from the authenticator app. */
export default function TwoFactorChallenge({ email }: TwoFactorChallengeProps) {
  const { props } = usePage<SharedProps & Record<string, unknown>>()
  const form = useForm({ code: '' })
  const errors = form.errors as Record<string, string | undefined>

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/login/two-factor', { onFinish: () => form.reset('code') })
  }

  return (
    <PublicLayout>
      <Head title="Two-factor authentication" />
      <Card withBorder maw={420} mx="auto" mt="xl">
        <form onSubmit={submit} data-testid="two-factor-form">
          <Stack gap="sm">
            <Title order={2}>Two-factor authentication</Title>
            <Text size="sm" c="dimmed">
              Signing in as {email}. Enter the 6-digit code your authenticator app shows for Clinibox.
            </Text>
            {props.flash?.error && (
              <Alert color="red" data-testid="two-factor-error">
                {props.flash.error}
              </Alert>
            )}
            <TextInput
              label="Code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              value={form.data.code}
              onChange={(event) => form.setData('code', event.currentTarget.value.replace(/\D/g, ''))}
              error={errors.code}
              data-testid="two-factor-code"
            />
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => router.post('/logout')} data-testid="two-factor-cancel">
                Cancel
              </Button>
              <Button type="submit" loading={form.processing} data-testid="two-factor-submit">
                Verify
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </PublicLayout>
  )
}
