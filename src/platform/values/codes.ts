import { z } from 'zod';

/** A State's ISO 3166-1 alpha-3 code, as stored (upper case). */
export const iso3Pattern = /^[A-Z]{3}$/;
export const isIso3 = (value: string): boolean => iso3Pattern.test(value);
export const iso3 = z.string().regex(iso3Pattern, 'must be a State code of three letters (MLI)');

/** A record's id: a UUID, as PostgreSQL writes it. */
export const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const isUuid = (value: string): boolean => uuidPattern.test(value);
export const recordId = z.string().regex(uuidPattern, 'must be a record id (a UUID)');
