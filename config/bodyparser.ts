import { defineConfig } from '@adonisjs/core/bodyparser'

/*
| Request bodies. Limits are deliberately small for JSON: large payloads
| (documents) arrive as multipart uploads handled by the documents module.
| Oversized bodies fail with 413 and the JSON error contract.
*/
export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
    limit: '1mb',
  },
  json: {
    convertEmptyStringsToNull: true,
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json', 'application/csp-report', 'application/fhir+json'],
    limit: '1mb',
  },
  raw: {
    types: ['text/*'],
    limit: '1mb',
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '50mb',
    types: ['multipart/form-data'],
  },
})
