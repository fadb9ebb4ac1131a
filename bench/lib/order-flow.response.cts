// autocannon onResponse hook for the order flow (see order-flow.request.cts): remembers the placed order's id.
interface FlowContext {
  orderId?: number;
}

export = function onResponse(status: number, body: string, context: FlowContext): void {
  if (status === 201) context.orderId = (JSON.parse(body) as { id: number }).id;
};
