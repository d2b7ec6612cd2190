// No API call hangs past a bounded time: when a dependency stalls (a workflow update waiting
// for an activity that retries while PostgreSQL is down), the caller gets a 503 with the error
// shape after `seconds`, and what was started carries on in its workflow: retrying the same
// call later is safe, every write being idempotent or refused as already done
// (docs/decisions/014-faults.md).
import type { RequestHandler } from 'express';

export function requestDeadline(seconds: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res
        .status(503)
        .set('Retry-After', '5')
        .json({
          error: {
            code: 'service_unavailable',
            message:
              "Le service met trop de temps à répondre. L'opération se poursuit peut-être : réessayez dans quelques instants.",
            details: [],
          },
        });
    }, seconds * 1000);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    res.once('finish', () => clearTimeout(timer));
    next();
  };
}
