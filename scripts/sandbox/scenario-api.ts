// A tiny JSON client for the sandbox scenario: bearer tokens, French errors shown as they come.
export class ScenarioApi {
  constructor(private readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<string> {
    return (await this.post<{ token: string }>('/auth/token', { email, password })).token;
  }

  get<T>(path: string, token?: string): Promise<T> {
    return this.call<T>('GET', path, undefined, token);
  }

  post<T = unknown>(path: string, body: unknown, token?: string): Promise<T> {
    return this.call<T>('POST', path, body, token);
  }

  /** A write the rules may refuse: the refusal's French message instead of an exception. */
  async tryPost(path: string, body: unknown, token: string): Promise<{ ok: true } | { ok: false; message: string }> {
    try {
      await this.post(path, body, token);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }

  private async call<T>(method: string, path: string, body: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok) {
      if (response.status === 404 && path.startsWith('/sandbox'))
        throw new Error(`${this.baseUrl} n’est pas un bac à sable (lancez « npm run sandbox »).`);
      throw new Error(`${method} ${path} → ${response.status} : ${payload?.error?.message ?? 'réponse inattendue'}`);
    }
    return payload as T;
  }
}
