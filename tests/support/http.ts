// A small JSON client for API tests.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export function apiClient(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const hasBody = method !== 'GET' && (options.body !== undefined || options.rawBody !== undefined);
    if (hasBody) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: hasBody ? (options.rawBody ?? JSON.stringify(options.body)) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string) => call<T>('POST', path, { body, token }),
    patch: <T = any>(path: string, body: unknown, token?: string) => call<T>('PATCH', path, { body, token }),
    async token(email: string, password: string): Promise<string> {
      const response = await call('POST', '/auth/token', { body: { email, password } });
      if (response.status !== 200) throw new Error(`login failed for ${email}: ${JSON.stringify(response.body)}`);
      return response.body.token;
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
