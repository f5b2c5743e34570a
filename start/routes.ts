/*
| Routes: each module owns its routes in app/<module>/routes.ts.
*/
import '#identity/routes'
import '#platform/routes'
import '#ai/routes'
import '#privacy/routes'
