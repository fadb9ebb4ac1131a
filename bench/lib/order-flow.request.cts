// autocannon setupRequest hook (loaded with require() in the load generator's worker thread, hence CommonJS) for
// the order flow: POST /api/orders places an order, POST /api/orders/:id/confirm has finance reserve its stock.
import crypto = require('node:crypto');

interface FlowContext {
  accounts: number[];
  skus: number[];
  /** Set by the response hook once the order exists; absent when placing it failed. */
  orderId?: number;
}

interface Request {
  method?: string;
  path?: string;
  body?: string | Buffer;
  headers?: Record<string, string | string[] | undefined>;
}

/** Counts orders across every connection of this worker, so consecutive orders go to other accounts and SKUs. */
let placed = 0;

/** Three lines of neighbouring SKUs, one to three cases each, for the next account in turn; a fresh Idempotency-Key. */
function place(request: Request, context: FlowContext): Request {
  const n = placed++;
  const { accounts, skus } = context;
  const first = (n * 3) % skus.length;
  const lines = [0, 1, 2].map((k) => ({ skuId: skus[(first + k) % skus.length], cases: 1 + ((n + k) % 3) }));
  const body = JSON.stringify({ accountId: accounts[n % accounts.length], channel: 'field', submit: true, lines });
  return { ...request, body, headers: { ...request.headers, 'idempotency-key': crypto.randomUUID() } };
}

export = function setupRequest(request: Request, context: FlowContext): Request | null {
  if (request.path === '/api/orders') return place(request, context);
  // Nothing to confirm when placing failed: autocannon starts the sequence again.
  if (context.orderId === undefined) return null;
  return { ...request, path: `/api/orders/${context.orderId}/confirm` };
};
