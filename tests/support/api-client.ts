import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/routers/index';
import { TEST_PASSWORD } from './test-server';

/** A tRPC client over real HTTP that keeps its own session cookie, like one browser. */
export function apiClient(baseUrl: string) {
  let cookie = '';
  const fetchWithCookie: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      cookie = pair.endsWith('=') ? '' : pair;
    }
    return response;
  };
  const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/api/trpc`, fetch: fetchWithCookie })] });
  return {
    trpc,
    fetch: (p: string, init?: RequestInit) => fetchWithCookie(`${baseUrl}${p}`, init),
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

export async function signedIn(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<ApiClient> {
  const client = apiClient(baseUrl);
  await client.trpc.auth.login.mutate({ username, password });
  return client;
}

/** The tRPC error code and message of a call that must fail. */
export async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return { code: String(error.data?.code ?? error.shape?.data?.code), message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
