import type { ReactNode } from 'react'
import { MantineProvider, createTheme } from '@mantine/core'

/** The console's UI toolkit is Mantine; every page renders inside this theme. */
const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'md',
})

export function ConsoleProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {children}
    </MantineProvider>
  )
}
