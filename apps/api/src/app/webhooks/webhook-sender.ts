import { request as httpRequest } from 'http';
import { request as httpsRequest } from 'https';
import { guardedLookup } from './webhook-target';

export interface SendResult {
  /** the receiver's status code; null when it did not answer (refused, time-out, private address) */
  statusCode: number | null;
  error: string | null;
}

/**
 * One POST of a delivery: no redirects followed, the answer's body read and dropped (at most 64 KiB),
 * the whole try bounded by `timeoutMs` so a slow receiver holds nothing but this job.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'ChamberPortal-Webhooks/1',
        },
        lookup: guardedLookup(opts.allowPrivate),
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) res.destroy();
        });
        const answered = () => done({ statusCode: res.statusCode ?? null, error: null });
        res.on('end', answered);
        res.on('close', answered);
        res.on('error', answered);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => done({ statusCode: null, error: e.message.slice(0, 300) }));
    req.end(body);
  });
}
