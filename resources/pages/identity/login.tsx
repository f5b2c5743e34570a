import { Head, usePage, useForm } from '@inertiajs/react'
import { Alert, Button, Card, PasswordInput, Stack, TextInput, Title } from '@mantine/core'
import { PublicLayout } from '~/layouts/public_layout'
import type { SharedProps } from '~/types'

type LoginProps = { notice: 'idle' | null }

/** Console sign-in: email and password (then the 2FA code, when set up). */
export default function Login({ notice }: LoginProps) {
  const { props } = usePage<SharedProps & Record<string, unknown>>()
  const form = useForm({ email: '', password: '' })
  const errors = form.errors as Record<string, string | undefined>

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/login', { onFinish: () => form.reset('password') })
  }

  return (
    <PublicLayout>
      <Head title="Sign in" />
      <Card withBorder maw={420} mx="auto" mt="xl">
        <form onSubmit={submit} data-testid="login-form">
          <Stack gap="sm">
            <Title order={2}>Sign in</Title>
            {notice === 'idle' && (
              <Alert color="yellow" data-testid="idle-notice">
                You were signed out after a period of inactivity. Sign in again to continue.
              </Alert>
            )}
            {props.flash?.error && (
              <Alert color="red" data-testid="login-error">
                {props.flash.error}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={form.data.email}
              onChange={(event) => form.setData('email', event.currentTarget.value)}
              error={errors.email}
              data-testid="login-email"
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={form.data.password}
              onChange={(event) => form.setData('password', event.currentTarget.value)}
              error={errors.password}
              data-testid="login-password"
            />
            <Button type="submit" loading={form.processing} data-testid="login-submit">
              Sign in
            </Button>
          </Stack>
        </form>
      </Card>
    </PublicLayout>
  )
}
