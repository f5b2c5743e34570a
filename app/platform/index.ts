/*
| The platform module's public surface.
*/
export { getReadiness, type Readiness, type CheckStatus } from '#platform/services/get_readiness'
