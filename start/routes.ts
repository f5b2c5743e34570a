/*
| Routes: each module owns its routes in app/<module>/routes.ts.
*/
import '#platform/routes'
