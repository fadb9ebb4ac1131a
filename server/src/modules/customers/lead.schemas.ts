import { Type } from 'typebox';

/** A calendar day as the company counts it (China time). */
export const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (China time)' });
