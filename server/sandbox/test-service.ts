// The time-skipping test server's TestService, the one place that moves or reads its time
// (docs/rules.md §12). The SDK sets `Connection.testService` only when asked with an internal
// option; this module is the only user of it, so an SDK change breaks here and nowhere else.
import { Connection } from '@temporalio/client';
import { msNumberToTs, requiredTsToDate } from '@temporalio/common/lib/time.js';
import { InternalConnectionOptionsSymbol, type InternalConnectionOptions } from '@temporalio/client/lib/connection.js';

export interface TestService {
  /** The server's current time (it runs at real speed between two sleeps). */
  currentTime(): Promise<Date>;
  /**
   * Lets the server skip time for `ms` of its time, then locks it again. While a workflow
   * task or an activity is scheduled or running the server does not skip (it holds a lock),
   * so every timer due in the interval fires in order and its work is done before the next.
   */
  sleep(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function connectTestService(address: string): Promise<TestService> {
  const options: InternalConnectionOptions = {
    address,
    [InternalConnectionOptionsSymbol]: { supportsTestService: true },
  };
  const connection = await Connection.connect(options);
  const service = connection.testService;
  if (!service)
    throw new Error('Ce serveur Temporal n’a pas de TestService : le bac à sable demande le serveur de test.');
  return {
    async currentTime() {
      const { time } = await service.getCurrentTime({});
      return requiredTsToDate(time, 'time');
    },
    async sleep(ms) {
      await service.unlockTimeSkippingWithSleep({ duration: msNumberToTs(ms) });
    },
    close: () => connection.close(),
  };
}
