/*
| Console pages of the privacy module and their props; resources/pages/privacy/
| declares the same props.
*/
declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'privacy/phi_check': {
      referenceData: { pack: string; version: string; builtIn: boolean }
      operators: string[]
      types: string[]
      maxTextChars: number
      canReidentify: boolean
    }
  }
}

export {}
