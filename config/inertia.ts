import { defineConfig } from '@adonisjs/inertia'

const inertiaConfig = defineConfig({
  /* Edge template that hosts the React console: resources/views/inertia_layout.edge */
  rootView: 'inertia_layout',
  ssr: { enabled: false },
})

export default inertiaConfig
