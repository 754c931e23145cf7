import type { Response } from 'express';
import { pipeline, type Readable } from 'stream';

/** Streams a generated file into the response; a failure mid-way cuts the connection (the headers are gone). */
export function sendFile(
  res: Response,
  file: { filename: string; contentType: string; body: Readable; replacedCharacters?: number },
): void {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${asciiName(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  if (file.replacedCharacters !== undefined) {
    res.setHeader('X-Replaced-Characters', String(file.replacedCharacters));
    res.setHeader('Access-Control-Expose-Headers', 'X-Replaced-Characters, Content-Disposition');
  }
  res.setHeader('Cache-Control', 'no-store');
  pipeline(file.body, res, () => undefined);
}

function asciiName(name: string): string {
  const ext = /\.[a-z0-9]+$/i.exec(name)?.[0] ?? '';
  const base = name
    .slice(0, name.length - ext.length)
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${base || 'download'}${ext}`;
}
