// Passes a file answered by the API (CSV exports) on to the browser, name and type kept.
import type { RequestEvent } from '@sveltejs/kit';
import { pageErrorFrom } from './access';

export async function passFileOn(event: Pick<RequestEvent, 'locals' | 'url'>, fetchFile: () => Promise<Response>) {
  let response: Response;
  try {
    response = await fetchFile();
  } catch (err) {
    pageErrorFrom(err, event);
  }
  return new Response(await response.text(), {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
      'cache-control': 'no-store',
    },
  });
}
