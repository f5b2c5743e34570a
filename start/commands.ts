/*
| Ace commands of the domain modules. Command files stay light: they import
| their services inside run(), so listing commands boots nothing.
*/
import { ListLoader } from '@adonisjs/core/ace'
import JobsWork from '#kernel/commands/jobs_work'
import DbPrepare from '#kernel/commands/db_prepare'
import AuditVerify from '#audit/commands/audit_verify'
import AdminCreate from '#identity/commands/admin_create'
import AdminResetPassword from '#identity/commands/admin_reset_password'
import TokensCreate from '#identity/commands/tokens_create'
import DbExport from '#kernel/commands/db_export'
import ModelsAdd from '#ai/commands/models_add'
import ModelsList from '#ai/commands/models_list'
import ModelsVerify from '#ai/commands/models_verify'
import ModelsAssign from '#ai/commands/models_assign'
import ModelsRemove from '#ai/commands/models_remove'
import AiServe from '#ai/commands/ai_serve'
import ReferenceImport from '#privacy/commands/reference_import'
import KeysRotatePhi from '#privacy/commands/keys_rotate_phi'
import PhiScan from '#privacy/commands/phi_scan'

const loader = new ListLoader([DbPrepare, DbExport, JobsWork, AuditVerify, AdminCreate, AdminResetPassword, TokensCreate,
  ModelsAdd, ModelsList, ModelsVerify, ModelsAssign, ModelsRemove, AiServe,
  ReferenceImport, KeysRotatePhi, PhiScan,
])

export const getMetaData = () => loader.getMetaData()
export const getCommand = (metaData: Parameters<ListLoader<any>['getCommand']>[0]) => loader.getCommand(metaData)
