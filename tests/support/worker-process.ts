// The real worker as a child process (`node --import tsx worker/main.ts`), for tests that kill
// it: a SIGKILL takes the process down with whatever it was doing (an activity half done, an
// open PostgreSQL transaction), as a crash in production would. Reads its JSON log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WorkerProcessOptions {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** Bundling the workflows with webpack takes a while on a small machine. */
  startTimeoutMs?: number;
  logLevel?: string;
}

export interface WorkerProcess {
  pid: number;
  /** Every line the process wrote (stdout and stderr), for failure messages. */
  output: string[];
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      TEMPORAL_NAMESPACE: 'default',
      LOG_LEVEL: options.logLevel ?? 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`worker not started after ${options.startTimeoutMs ?? 120_000} ms:\n${output.join('\n')}`)),
      options.startTimeoutMs ?? 120_000,
    );
    const onLine = (line: string) => {
      output.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string };
        if (entry.msg === 'worker started') {
          clearTimeout(timer);
          resolve();
        }
      } catch {
        /* not a JSON line */
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`worker exited before starting (${code ?? signal}):\n${output.join('\n')}`));
    });
  });

  try {
    await started;
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw error;
  }

  return {
    pid: child.pid!,
    output,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
