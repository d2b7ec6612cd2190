// A JSON client of the public API that records every answer (status, latency), and the hire
// journey as users play it: a prescriber registers and diagnoses a person and applies, the
// employer accepts.
/* eslint-disable @typescript-eslint/no-explicit-any -- answers of many routes, read loosely as the tests do */
import { randomBytes } from 'node:crypto';
import { today } from '../../domain/clock.ts';
import { systemClock } from '../../server/clock.ts';

export interface Answer<T = any> {
  status: number;
  body: T;
  ms: number;
}

export class Recorder {
  readonly latencies: number[] = [];
  readonly statuses = new Map<number, number>();
  /** Answers that are neither 2xx/4xx nor a 503 in the error shape. */
  readonly failures: string[] = [];

  record(method: string, path: string, answer: Answer): void {
    this.latencies.push(answer.ms);
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    const wellShaped503 = answer.status === 503 && typeof answer.body?.error?.code === 'string';
    if (answer.status >= 500 && !wellShaped503)
      this.failures.push(`${method} ${path} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  }

  count(predicate: (status: number) => boolean): number {
    let total = 0;
    for (const [status, n] of this.statuses) if (predicate(status)) total += n;
    return total;
  }
}

export function apiOf(baseUrl: string, recorder: Recorder) {
  async function call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let answer: Answer<T>;
    try {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(180_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: kept as text, and reported if it is an error */
      }
      answer = { status: response.status, body: parsed as T, ms: performance.now() - started };
    } catch (error) {
      // No answer at all (connection refused, timeout): counted as a failure, status 0.
      answer = { status: 0, body: String(error) as T, ms: performance.now() - started };
      recorder.failures.push(`${method} ${path} → pas de réponse : ${String(error)}`);
    }
    recorder.record(method, path, answer);
    return answer;
  }
  return {
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, undefined, token),
    post: <T = any>(path: string, body: unknown, token?: string) => call<T>('POST', path, body, token),
    async token(email: string, password: string): Promise<string> {
      const answer = await call<{ token: string }>('POST', '/auth/token', { email, password });
      if (answer.status !== 200) throw new Error(`connexion de ${email} : ${answer.status}`);
      return answer.body.token;
    },
  };
}
export type Api = ReturnType<typeof apiOf>;

/** Letters only: duplicate detection ignores digits in names. */
export const uniqueName = () => Array.from(randomBytes(10), (byte) => String.fromCharCode(97 + (byte % 26))).join('');

/** Retries a call while the platform answers 503 (a dependency down, or the request deadline). */
export async function untilServed<T>(call: () => Promise<Answer<T>>, limitMs = 300_000): Promise<Answer<T>> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const answer = await call();
    if ((answer.status !== 503 && answer.status !== 0) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A person registered and diagnosed by the prescriber, with an application to the employer. */
export async function prepareApplication(
  api: Api,
  prescriberToken: string,
  employerId: string,
): Promise<{ personId: string; applicationId: string }> {
  const person = await untilServed(() =>
    api.post(
      '/persons',
      { firstName: 'Panne', lastName: `Test ${uniqueName()}`, birthDate: '1990-05-06' },
      prescriberToken,
    ),
  );
  if (person.status !== 201) throw new Error(`POST /persons → ${person.status} ${JSON.stringify(person.body)}`);
  const diagnosis = await untilServed(() =>
    api.post(`/persons/${person.body.id}/diagnoses`, { criteria: ['RSA'] }, prescriberToken),
  );
  if (diagnosis.status !== 201) throw new Error(`diagnostic → ${diagnosis.status} ${JSON.stringify(diagnosis.body)}`);
  const application = await untilServed(() =>
    api.post(
      '/applications',
      { personId: person.body.id, employerId, message: 'Candidature de test.' },
      prescriberToken,
    ),
  );
  if (application.status !== 201)
    throw new Error(`POST /applications → ${application.status} ${JSON.stringify(application.body)}`);
  return { personId: person.body.id, applicationId: application.body.id };
}

/** The employer accepts; a 503 is retried (the hire goes on in its workflow meanwhile). */
export function accept(api: Api, employerToken: string, applicationId: string) {
  return untilServed(() =>
    api.post(`/applications/${applicationId}/accept`, { hiringStartDate: today(systemClock) }, employerToken),
  );
}
