// The worker process's own Node flags, used by every script that starts one (and repeated in
// docker-compose.yml). The workflows' sticky cache is bounded apart (WORKER_MAX_CACHED_WORKFLOWS);
// a 1 GiB main heap (activities, clients, a national take-over file parsed: ≈ 360 MB at its
// peak for 240,000 lines) makes V8 collect before the worker's RSS passes 1.5 GiB, where the
// machine's default (a quarter of its memory) let garbage pile up (docs/decisions/025-take-over-import.md).
export const WORKER_NODE_FLAGS = ['--max-old-space-size=1024'];
