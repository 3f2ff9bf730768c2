import type { FormBody } from '../../platform/http/forms.ts';
import { inputOfValues, valuesOfBody, valuesOfRecord } from '../reports/index.ts';
import type { CourseRow, VisitRow } from './engagement.ts';
import type { CourseInput, VisitInput } from './inputs.ts';
import { courseRecord, visitRecord } from './present.ts';

// The forms of a visit and a course as typed: from a stored record, from the body sent, and in the shape of the write core's input.

/** The values of a visit form, as typed (re-shown with its errors). */
export interface VisitFormValues extends Record<string, string | string[]> {
  stateIso3: string;
  kind: string;
  status: string;
  startsOn: string;
  endsOn: string;
  purposes: string[];
  statesInvolved: string;
  organizationsInvolved: string;
  supportingOrganizations: string;
  whoWent: string;
  partner: string;
  place: string;
  note: string;
  confidentiality: string;
  version: string;
}

export interface CourseFormValues extends Record<string, string> {
  title: string;
  status: string;
  startsOn: string;
  endsOn: string;
  place: string;
  region: string;
  hostOrganizations: string;
  supportingOrganizations: string;
  participatingStates: string;
  teachers: string;
  teachingOrganizations: string;
  confidentiality: string;
  version: string;
}

export const emptyVisit: VisitFormValues = {
  stateIso3: '',
  kind: 'visit-at-invitation',
  status: 'held',
  startsOn: '',
  endsOn: '',
  purposes: [],
  statesInvolved: '',
  organizationsInvolved: '',
  supportingOrganizations: '',
  whoWent: '',
  partner: '',
  place: '',
  note: '',
  confidentiality: 'public',
  version: '',
};

export const emptyCourse: CourseFormValues = {
  title: '',
  status: 'held',
  startsOn: '',
  endsOn: '',
  place: '',
  region: '',
  hostOrganizations: '',
  supportingOrganizations: '',
  participatingStates: '',
  teachers: '',
  teachingOrganizations: '',
  confidentiality: 'public',
  version: '',
};

const visitCodes = ['statesInvolved', 'organizationsInvolved', 'supportingOrganizations'] as const;
const courseCodes = ['hostOrganizations', 'supportingOrganizations', 'participatingStates', 'teachingOrganizations'] as const;

export const visitFormValues = (v: VisitRow): VisitFormValues => valuesOfRecord(visitRecord(v), emptyVisit);
export const courseFormValues = (c: CourseRow): CourseFormValues => valuesOfRecord(courseRecord(c), emptyCourse);
export const visitValuesOf = (body: FormBody): VisitFormValues => valuesOfBody(body, emptyVisit);
export const courseValuesOf = (body: FormBody): CourseFormValues => valuesOfBody(body, emptyCourse);
export const visitInputOf = (v: VisitFormValues) => inputOfValues(v, visitCodes) as unknown as VisitInput;
export const courseInputOf = (c: CourseFormValues) => inputOfValues(c, courseCodes) as unknown as CourseInput;
