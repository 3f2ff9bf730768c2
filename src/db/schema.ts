// The database as Kysely sees it: one table type per feature, gathered here.
import type { ApiTokenTable, AppUserTable, LoginFailureTable, SessionTable } from '../modules/accounts/schema.ts';
import type { AuditEventTable } from '../modules/audit/schema.ts';
import type { MatrixCellTable, MatrixProposalTable, MatrixTable, MatrixTemplateTable } from '../modules/matrix/schema.ts';
import type { ReviewAssignmentTable, ReviewCycleTable } from '../modules/matrix/review-schema.ts';
import type { DocumentLinkTable, DocumentTable } from '../modules/documents/schema.ts';
import type { MemberStateTable } from '../modules/member-states/schema.ts';
import type { OrganizationTable } from '../modules/organizations/schema.ts';
import type { ActionPlanTable, NationalReportTable } from '../modules/reports/schema.ts';
import type { PointOfContactTable } from '../modules/contacts/schema.ts';
import type { CourseTable, VisitTable } from '../modules/engagement/schema.ts';
import type { LetterConcernTable, LetterRecipientTable, LetterTable } from '../modules/correspondence/schema.ts';
import type {
  AssistanceCirculationTable,
  AssistanceMatchTable,
  AssistanceOfferTable,
  AssistanceRequestItemTable,
  AssistanceRequestTable,
  AssistanceResponseTable,
  AssistanceStepTable,
  AssistanceWeightsTable,
} from '../modules/assistance/schema.ts';
import type { SearchChunkTable, SearchQueueTable } from '../modules/search/schema.ts';

export interface AppMetaTable {
  key: string;
  value: import("kysely").ColumnType<unknown, string, string>;
}

export interface DB {
  app_meta: AppMetaTable;
  app_user: AppUserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_failure: LoginFailureTable;
  audit_event: AuditEventTable;
  member_state: MemberStateTable;
  organization: OrganizationTable;
  matrix_template: MatrixTemplateTable;
  matrix: MatrixTable;
  matrix_cell: MatrixCellTable;
  matrix_proposal: MatrixProposalTable;
  review_cycle: ReviewCycleTable;
  review_assignment: ReviewAssignmentTable;
  national_report: NationalReportTable;
  action_plan: ActionPlanTable;
  point_of_contact: PointOfContactTable;
  visit: VisitTable;
  course: CourseTable;
  document: DocumentTable;
  document_link: DocumentLinkTable;
  letter: LetterTable;
  letter_recipient: LetterRecipientTable;
  letter_concern: LetterConcernTable;
  assistance_request: AssistanceRequestTable;
  assistance_request_item: AssistanceRequestItemTable;
  assistance_step: AssistanceStepTable;
  assistance_offer: AssistanceOfferTable;
  assistance_circulation: AssistanceCirculationTable;
  assistance_response: AssistanceResponseTable;
  assistance_match: AssistanceMatchTable;
  assistance_weights: AssistanceWeightsTable;
  search_chunk: SearchChunkTable;
  search_queue: SearchQueueTable;
}
