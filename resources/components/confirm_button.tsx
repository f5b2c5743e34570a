import { useState, type ReactNode } from 'react'
import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core'

/**
 * A button that asks before doing something hard to undo (disable a user,
 * revoke a key, remove a membership). The dialog's confirm button carries
 * `<testId>-confirm` for browser tests.
 */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  testId,
  ...buttonProps
}: ButtonProps & {
  children: ReactNode
  title: string
  message: ReactNode
  confirmLabel: string
  onConfirm: () => void
  testId: string
}) {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button {...buttonProps} data-testid={testId} onClick={() => setOpened(true)}>
        {children}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpened(false)} data-testid={`${testId}-cancel`}>
            Cancel
          </Button>
          <Button
            color={buttonProps.color ?? 'red'}
            data-testid={`${testId}-confirm`}
            onClick={() => {
              setOpened(false)
              onConfirm()
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
