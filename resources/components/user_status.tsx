import { Badge } from '@mantine/core'

/** Disabled, locked out, or active: one badge. */
export function UserStatus({ user }: { user: { disabledAt: string | null; locked: boolean } }) {
  if (user.disabledAt) {
    return (
      <Badge color="gray" data-testid="status-disabled">
        Disabled
      </Badge>
    )
  }
  if (user.locked) {
    return (
      <Badge color="orange" data-testid="status-locked">
        Locked
      </Badge>
    )
  }
  return (
    <Badge color="green" data-testid="status-active">
      Active
    </Badge>
  )
}
