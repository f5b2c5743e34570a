/*
| The platform module's public surface.
*/
export { getReadiness, type Readiness, type CheckStatus } from '#platform/services/get_readiness'
/*
| The console and API plumbing of identity, for modules that stand below
| identity in the table but above platform (ai): who is acting and may they.
*/
export { authorize, auditContext, type Actor } from '#identity/index'
