import { useState, type ReactNode } from 'react'
import { router } from '@inertiajs/react'
import { Button, Group, Pagination, Text, TextInput } from '@mantine/core'
import type { Paginated } from '~/types'

/** Reloads the current list page with new query parameters, keeping the page's state. */
export function visitList(path: string, query: Record<string, string | number | null | undefined>) {
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(query)) if (value !== null && value !== undefined && value !== '') params[key] = value
  router.get(path, params, { preserveState: true, preserveScroll: true, replace: true })
}

/** A search box that submits on Enter or with its button. */
export function SearchBox({
  initial,
  placeholder,
  onSearch,
  children,
}: {
  initial: string
  placeholder: string
  onSearch: (q: string) => void
  children?: ReactNode
}) {
  const [q, setQ] = useState(initial)
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        onSearch(q.trim())
      }}
    >
      <Group gap="sm" align="flex-end">
        <TextInput
          aria-label="Search"
          placeholder={placeholder}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          data-testid="search-input"
          w={280}
        />
        {children}
        <Button type="submit" variant="light" data-testid="search-submit">
          Search
        </Button>
      </Group>
    </form>
  )
}

/** "N results" and the page picker under a list. */
export function ListPagination({ page, onPage }: { page: Paginated<unknown>; onPage: (page: number) => void }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" data-testid="list-total">
        {page.meta.total} {page.meta.total === 1 ? 'result' : 'results'}
      </Text>
      {page.meta.lastPage > 1 && (
        <Pagination total={page.meta.lastPage} value={page.meta.currentPage} onChange={onPage} data-testid="pagination" />
      )}
    </Group>
  )
}

/**
 * Clears a form after the server accepted it. A refusal the server flashes
 * as a message (a duplicate, an unknown clinic) still counts as a success
 * for Inertia; the form keeps its input then, so nothing has to be retyped.
 */
export function resetUnlessRefused(page: { props: Record<string, unknown> }, form: { reset: () => void }) {
  const flash = page.props.flash as { error?: string | null } | undefined
  if (!flash?.error) form.reset()
}
