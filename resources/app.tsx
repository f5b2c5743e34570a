/// <reference path="./vite-env.d.ts" />
import '@mantine/core/styles.css'
import type { ComponentType } from 'react'
import { createRoot } from 'react-dom/client'
import { createInertiaApp } from '@inertiajs/react'
import { resolvePageComponent } from '@adonisjs/inertia/helpers'
import { ConsoleProviders } from '~/components/console_providers'

createInertiaApp({
  title: (title) => (title ? `${title} · Clinibox` : 'Clinibox'),
  resolve: async (name) => {
    const pages = import.meta.glob<{ default: ComponentType<any> }>('./pages/**/*.tsx')
    const page = await resolvePageComponent(`./pages/${name}.tsx`, pages)
    return page.default
  },
  setup({ el, App, props }) {
    createRoot(el).render(
      <ConsoleProviders>
        <App {...props} />
      </ConsoleProviders>
    )
  },
  progress: { color: '#1c7ed6' },
})
