/*
| JavaScript entrypoint for ace commands: registers the TypeScript loader,
| then boots the console entrypoint in bin/console.ts.
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
