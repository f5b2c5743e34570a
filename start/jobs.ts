/*
| Every job definition, registered in one place. The worker consumes all of
| them; add a module's jobs here when the module gains some.
*/
import { jobRegistry, systemHeartbeatJob, systemPingJob } from '#kernel/index'
import { verifyAuditChainJob } from '#audit/index'
import { reembedIndexJob, verifyModelsJob } from '#ai/index'

jobRegistry.register([systemPingJob, systemHeartbeatJob, verifyAuditChainJob, verifyModelsJob, reembedIndexJob])
