import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Responses<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;

/** The success body of an operation, straight from the generated OpenAPI types. */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> =
  Responses<P, M> extends { 200: infer R } ? Json<R> : Responses<P, M> extends { 201: infer R } ? Json<R> : never;

/** The JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

type ItemOf<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

export type Me = ResponseOf<'/api/auth/me'>;
export type User = ResponseOf<'/api/org/users/{id}'>;
export type UserMove = ItemOf<ResponseOf<'/api/org/users/{id}/moves'>>;
export type Home = ResponseOf<'/api/me/home'>;
export type Department = ItemOf<ResponseOf<'/api/org/departments'>>;
export type Position = ItemOf<ResponseOf<'/api/org/positions'>>;
export type Geography = ItemOf<ResponseOf<'/api/org/geographies'>>;
export type Permission = ItemOf<ResponseOf<'/api/permissions'>>;
export type AuthorityMatrix = ResponseOf<'/api/org/authority'>;
export type AuthorityAction = AuthorityMatrix['actions'][number];
export type AuthorityRule = AuthorityMatrix['rules'][number];
export type AuthorityCheck = ResponseOf<'/api/org/authority/check', 'post'>;
export type PolicyRow = ItemOf<ResponseOf<'/api/org/policies'>>;
export type PolicyDetail = ResponseOf<'/api/org/policies/{id}'>;
export type PendingAcknowledgement = ItemOf<ResponseOf<'/api/org/policies/{id}/unacknowledged'>>;
export type AuditEntry = ItemOf<ResponseOf<'/api/audit'>>;
export type ApiToken = ItemOf<ResponseOf<'/api/auth/tokens'>>;
export type Ladder = NonNullable<User['ladder']>;
export type ApprovalInboxItem = ItemOf<ResponseOf<'/api/approvals/inbox'>>;
export type ApprovalMineItem = ItemOf<ResponseOf<'/api/approvals/mine'>>;
export type ApprovalDoneItem = ItemOf<ResponseOf<'/api/approvals/done'>>;
export type ApprovalDetail = ResponseOf<'/api/approvals/{id}'>;
export type ApprovalStatus = ApprovalDetail['status'];
export type ApprovalTimelineEntry = ApprovalDetail['timeline'][number];
export type ApprovalType = ItemOf<ResponseOf<'/api/approvals/types'>>;
export type ApprovalDefinition = ApprovalType['definition'];
export type ChainPreview = ResponseOf<'/api/approvals/preview', 'post'>;
export type ExpenseClaim = ItemOf<ResponseOf<'/api/expense-claims'>>;
export type ExpenseClaimDetail = ResponseOf<'/api/expense-claims/{id}'>;
export type ExpenseCategory = ExpenseClaim['category'];
export type ExpenseStatus = ExpenseClaim['status'];
export type Attachment = ResponseOf<'/api/files', 'post'>;
