import { describe, expect, it } from 'vitest';
import { MAX_WORKFLOW_BACKLOG, waitForQueueRoom } from './queue-room.ts';

function run(backlogs: number[], limit = MAX_WORKFLOW_BACKLOG) {
  const seen: number[] = [];
  let pauses = 0;
  let reads = 0;
  const done = waitForQueueRoom({
    backlog: async () => backlogs[reads++]!,
    limit,
    pause: async () => void (pauses += 1),
    onWait: (backlog) => seen.push(backlog),
  });
  return done.then(() => ({ seen, pauses, reads }));
}

describe('waitForQueueRoom — a bulk start waits while the queue is full (docs/decisions/025-take-over-import.md)', () => {
  it('goes on at once under the bound', async () => {
    expect(await run([0])).toEqual({ seen: [], pauses: 0, reads: 1 });
    expect(await run([MAX_WORKFLOW_BACKLOG - 1])).toEqual({ seen: [], pauses: 0, reads: 1 });
  });

  it('waits at the bound and above, heartbeating with the backlog, until it falls under', async () => {
    expect(await run([1500, MAX_WORKFLOW_BACKLOG, 999])).toEqual({
      seen: [1500, MAX_WORKFLOW_BACKLOG],
      pauses: 2,
      reads: 3,
    });
  });
});
