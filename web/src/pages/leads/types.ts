import type { operations } from '../../api/schema';
import type { BodyOf, ResponseOf } from '../../api/types';

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Lead = ItemOf<ResponseOf<'/api/customers/leads'>>;
export type LeadDetail = ResponseOf<'/api/customers/leads/{id}'>;
export type FollowUp = LeadDetail['followUps'][number];
export type LeadStatus = Lead['status'];
export type LeadSource = Lead['source'];
export type FollowUpKind = FollowUp['kind'];
export type LeadInput = BodyOf<'/api/customers/leads', 'post'>;
/** The list's filters (paging and sort aside); the export takes the same. */
export type LeadFilter = NonNullable<operations['exportLeads']['parameters']['query']>;
export type ConversionInput = BodyOf<'/api/customers/leads/{id}/convert', 'post'>;
export type AccountKind = ConversionInput['kind'];
export type PartyType = NonNullable<ConversionInput['partyType']>;
export type LeadFunnel = ResponseOf<'/api/customers/leads/funnel'>;
export type LeadTeam = ItemOf<ResponseOf<'/api/customers/lead-teams'>>;
export type LeadTeamStatus = LeadTeam['status'];
export type LeadTeamInput = BodyOf<'/api/customers/lead-teams', 'post'>;
export type CallDay = ItemOf<ResponseOf<'/api/customers/call-plans'>>;
