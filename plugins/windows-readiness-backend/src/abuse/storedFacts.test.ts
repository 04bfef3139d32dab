/**
 * Abuse, issue 12 item 7 (done with issue 13, the per-cluster refresh with
 * stored per-cluster facts): what-if and os-skus served from the stored
 * evaluation's pool and workload facts, computed once per refresh, bounded
 * in concurrency, never blocking the event loop for more than 50 ms.
 *
 * THE PLACE FOR ITEM 7's CASES: replace each todo with its test.
 */
describe('what-if and os-skus under load (issue 12, item 7)', () => {
  it.todo(
    '20 concurrent what-ifs on a 50,000-pod fleet: each answers from the stored facts, none re-reads or re-evaluates the fleet',
  );
  it.todo(
    'the event loop delay (perf_hooks monitorEventLoopDelay) stays under 50 ms while they run, and /v1/status answers meanwhile',
  );
  it.todo(
    'what-if and os-skus beyond the concurrency bound wait (or get a 503 with Retry-After), without growing the memory of the backend',
  );
  it.todo(
    'os-skus counts over the readable services from the stored facts, as accessControl.test.ts asserts for the other routes',
  );
});
