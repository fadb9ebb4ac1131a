// `npm run bench:orders -w bench` (needs BENCH_DATABASE_URL): Sales OS issue 5 on PostgreSQL with a million orders.
// a) GET /api/orders/:id against a bare Fastify route running the same SQL with pg (goal ≥ 50 %, p99 ≤ 10 ms at 10
// connections); b) an order placed and reserved against pgbench running the same rows (goal ≥ 35 % at 8 clients);
// c) the scoped, filtered, keyset-paged order list against the same SQL with pg (goal ≥ 25 %, p99 ≤ 25 ms).
import { benchOrders } from './lib/orders-bench.js';

const postgresUrl = process.env.BENCH_DATABASE_URL;
if (!postgresUrl) {
  console.error('The order benchmarks run on PostgreSQL only: set BENCH_DATABASE_URL=postgres://…');
  process.exit(1);
}
await benchOrders(postgresUrl);
