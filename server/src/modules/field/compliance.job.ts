import { registerJob } from '../../platform/jobs/index.js';
import { freezeClosedMonth } from './compliance.service.js';

registerJob({ name: 'field.compliance-freeze', everyMs: 60 * 60_000, run: async (db) => void (await freezeClosedMonth(db)) });
