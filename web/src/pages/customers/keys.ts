/** Query keys of the customer pages: everything under `all`, so one change refreshes lists and cards alike. */
export const customerKeys = {
  all: ['customers'] as const,
  accounts: ['customers', 'accounts'] as const,
  account: (id: number) => ['customers', 'accounts', id] as const,
  visits: (id: number) => ['customers', 'accounts', id, 'visits'] as const,
  pool: ['customers', 'pool'] as const,
  disputes: ['customers', 'disputes'] as const,
  settings: ['customers', 'settings'] as const,
  holdings: (userId: number) => ['customers', 'holdings', userId] as const,
};
