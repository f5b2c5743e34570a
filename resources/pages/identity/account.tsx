import { Head, Link, router, useForm } from '@inertiajs/react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import { ConfirmButton } from '~/components/confirm_button'

type AccessTokenRow = {
  id: number
  name: string | null
  abilities: string[]
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  expired: boolean
}

type AccountProps = {
  profile: {
    email: string
    fullName: string
    role: string | null
    lastLoginAt: string | null
    passwordChangedAt: string
    twoFactorEnabled: boolean
    twoFactorRequired: boolean
  }
  tokens: AccessTokenRow[]
  grantableAbilities: string[]
  newToken: string | null
  tokenExpiryDays: { min: number; max: number; default: number }
}

const formatDate = (value: string | null) => (value ? new Date(value).toLocaleString() : '—')

/** `*` stands alone: picking it clears the list; picking a permission drops `*`. */
const onlyWildcardOrPermissions = (value: string[]) =>
  value[value.length - 1] === '*' ? ['*'] : value.filter((item) => item !== '*')

/** My account: profile, 2FA, password and personal access tokens for the REST API. */
export default function Account({ profile, tokens, grantableAbilities, newToken, tokenExpiryDays }: AccountProps) {
  return (
    <ConsoleLayout title="My account">
      <Head title="My account" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder data-testid="account-profile">
          <Stack gap={4}>
            <Title order={4}>Profile</Title>
            <Text>{profile.fullName}</Text>
            <Text size="sm" data-testid="account-email">
              {profile.email}
            </Text>
            <Text size="sm" c="dimmed">
              Role: {profile.role ?? 'none'} · last sign-in {formatDate(profile.lastLoginAt)} · password changed{' '}
              {formatDate(profile.passwordChangedAt)}
            </Text>
            <Group mt="sm" gap="xs">
              <Text size="sm">Two-factor authentication:</Text>
              <Badge color={profile.twoFactorEnabled ? 'green' : 'gray'} data-testid="account-2fa-status">
                {profile.twoFactorEnabled ? 'on' : 'off'}
              </Badge>
              <Button size="xs" variant="light" component={Link} href="/account/two-factor" data-testid="account-2fa-link">
                {profile.twoFactorEnabled ? 'Manage' : 'Set up'}
              </Button>
            </Group>
            {profile.twoFactorRequired && !profile.twoFactorEnabled && (
              <Text size="sm" c="red">
                Your role requires two-factor authentication.
              </Text>
            )}
          </Stack>
        </Card>
        <ChangePasswordCard />
      </SimpleGrid>
      <TokensCard tokens={tokens} grantableAbilities={grantableAbilities} newToken={newToken} tokenExpiryDays={tokenExpiryDays} />
    </ConsoleLayout>
  )
}

function ChangePasswordCard() {
  const form = useForm({ currentPassword: '', password: '', passwordConfirmation: '' })
  const errors = form.errors as Record<string, string | undefined>
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/account/password', { onSuccess: () => form.reset() })
  }
  return (
    <Card withBorder>
      <form onSubmit={submit} data-testid="change-password-form">
        <Stack gap="sm">
          <Title order={4}>Change password</Title>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={form.data.currentPassword}
            onChange={(event) => form.setData('currentPassword', event.currentTarget.value)}
            error={errors.currentPassword}
            data-testid="current-password"
          />
          <PasswordInput
            label="New password"
            description="At least 12 characters, not a common password, not your email."
            autoComplete="new-password"
            required
            value={form.data.password}
            onChange={(event) => form.setData('password', event.currentTarget.value)}
            error={errors.password}
            data-testid="new-password"
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            value={form.data.passwordConfirmation}
            onChange={(event) => form.setData('passwordConfirmation', event.currentTarget.value)}
            error={errors.passwordConfirmation}
            data-testid="new-password-confirmation"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.processing} data-testid="change-password-submit">
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function TokensCard({ tokens, grantableAbilities, newToken, tokenExpiryDays }: Omit<AccountProps, 'profile'>) {
  const form = useForm<{ name: string; abilities: string[]; expiresInDays: number }>({
    name: '',
    abilities: ['*'],
    expiresInDays: tokenExpiryDays.default,
  })
  const errors = form.errors as Record<string, string | undefined>
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/account/tokens', { onSuccess: () => form.reset() })
  }
  const abilityOptions = [{ value: '*', label: 'All my permissions (*)' }, ...grantableAbilities.map((value) => ({ value, label: value }))]

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>Personal access tokens</Title>
        <Text size="sm" c="dimmed">
          Tokens let scripts call the REST API as you (<Code>Authorization: Bearer …</Code>, with <Code>X-Clinic-Id</Code> to choose
          the clinic). A token can do at most what you can.
        </Text>
        {newToken && (
          <Alert color="green" title="Copy your new token now: it will not be shown again" data-testid="new-token-alert">
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="new-token" style={{ wordBreak: 'break-all' }}>
                {newToken}
              </Code>
              <CopyButton value={newToken}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        <form onSubmit={submit} data-testid="create-token-form">
          <Group align="flex-end" grow>
            <TextInput
              label="Name"
              required
              maxLength={100}
              value={form.data.name}
              onChange={(event) => form.setData('name', event.currentTarget.value)}
              error={errors.name}
              data-testid="token-name"
            />
            <MultiSelect
              label="Permissions"
              data={abilityOptions}
              value={form.data.abilities}
              onChange={(value) => form.setData('abilities', onlyWildcardOrPermissions(value))}
              error={errors.abilities}
              data-testid="token-abilities"
            />
            <NumberInput
              label="Expires in (days)"
              min={tokenExpiryDays.min}
              max={tokenExpiryDays.max}
              value={form.data.expiresInDays}
              onChange={(value) => form.setData('expiresInDays', typeof value === 'number' ? value : Number(value))}
              error={errors.expiresInDays}
              data-testid="token-expires"
            />
            <Button type="submit" loading={form.processing} data-testid="create-token-submit">
              Create token
            </Button>
          </Group>
        </form>
        {tokens.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-tokens">
            No tokens yet.
          </Text>
        ) : (
          <Table striped data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Permissions</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.map((token) => (
                <Table.Tr key={token.id} data-testid={`token-${token.id}`}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{token.abilities.join(', ')}</Table.Td>
                  <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                  <Table.Td>{formatDate(token.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    {formatDate(token.expiresAt)}{' '}
                    {token.expired && (
                      <Badge color="gray" size="xs">
                        expired
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      color="red"
                      variant="light"
                      title="Revoke token"
                      message={`Scripts using "${token.name}" stop working at once.`}
                      confirmLabel="Revoke"
                      testId={`revoke-token-${token.id}`}
                      onConfirm={() => router.delete(`/account/tokens/${token.id}`)}
                    >
                      Revoke
                    </ConfirmButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  )
}
