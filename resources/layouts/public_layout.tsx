import type { ReactNode } from 'react'
import { AppShell, Container, Group, Text, Title } from '@mantine/core'

/** Pages that need no login: a header with the product name, then the content. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Container size="md" h="100%">
          <Group h="100%" justify="space-between">
            <Title order={3}>Clinibox</Title>
            <Text size="sm" c="dimmed">
              Self-hosted clinic appliance
            </Text>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md">{children}</Container>
      </AppShell.Main>
    </AppShell>
  )
}
