// A queue message as the Workers runtime hands one to a consumer, recording whether the consumer acked
// or retried it: the consumers are called directly with these in the workerd tests.
export function message(body: unknown, id = 'message') {
  const m = {
    id,
    timestamp: new Date(),
    body,
    attempts: 1,
    acked: false,
    retried: false,
    ack() {
      m.acked = true;
    },
    retry() {
      m.retried = true;
    },
  };
  return m;
}
