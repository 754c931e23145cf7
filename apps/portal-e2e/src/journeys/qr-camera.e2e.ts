/**
 * Browser journey: check-in by camera. Chromium's fake camera plays a video of the QR code from a
 * student's confirmation; staff open the scanner on the roster and the student is checked in.
 * Headless Chromium on Linux has no BarcodeDetector, so this is the path of the reception desk's
 * Windows or Linux laptop: frames read by jsQR.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EventDetail, PublicRegistrationResponse, RosterEntry } from '@chamber/contracts';
import { apiLogin, startServer, waitFor, type RunningServer } from '../support/server';

jest.setTimeout(120_000);

// pngjs comes with qrcode and has no type declarations of its own
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } };
};

/**
 * A Y4M video (what Chromium's fake camera plays) of a PNG in the middle of a white 640×480 frame,
 * scaled ×2: luma from the image, neutral chroma.
 */
function y4mOf(png: Buffer, frames = 5): Buffer {
  const image = PNG.sync.read(png);
  const [w, h, scale] = [640, 480, 2];
  const luma = Buffer.alloc(w * h, 235);
  const left = Math.floor((w - image.width * scale) / 2);
  const top = Math.floor((h - image.height * scale) / 2);
  for (let y = 0; y < image.height * scale; y++) {
    for (let x = 0; x < image.width * scale; x++) {
      const dark = image.data[(Math.floor(y / scale) * image.width + Math.floor(x / scale)) * 4]! < 128;
      luma[(top + y) * w + left + x] = dark ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`), ...Array(frames).fill(frame)]);
}

describe('portal journey: check-in with the camera', () => {
  let server: RunningServer;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cp-camera-'));

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the QR code of a confirmation from the camera and checks the student in', async () => {
    const staff = await apiLogin(server.api, 'staff@example.jp');
    // the fair is on now (a check-in before the event's day is refused: not_yet)
    const start = Date.now() - 3_600_000;
    const created = await fetch(`${server.api}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'job_fair',
        title: { ja: 'カメラ受付 合同就職説明会', en: 'Camera check-in job fair' },
        actionItemCode: 'A1-1',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 4 * 3_600_000).toISOString(),
        venue: '商工会議所 3階ホール',
        capacity: 5,
        audience: 'students',
      }),
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as EventDetail;
    const signUp = await fetch(`${server.api}/public/events/${event.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '撮影 花子',
        nameKana: 'さつえい はなこ',
        email: 'camera@example.ac.jp',
        school: '相模原大学',
        graduationYear: 2028,
      }),
    });
    expect(signUp.status).toBe(201);
    const registration = (await signUp.json()) as PublicRegistrationResponse;
    const png = Buffer.from(registration.qrCode!.replace(/^data:image\/png;base64,/, ''), 'base64');
    const video = join(dir, 'qr.y4m');
    writeFileSync(video, y4mOf(png));

    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const context = await browser.newContext({ locale: 'ja-JP' });
    await context.grantPermissions(['camera'], { origin: server.baseUrl });
    const page: Page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('[data-testid="login-email"]', 'staff@example.jp');
    await page.fill('[data-testid="login-password"]', 'demo-pass-2019');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });

    await page.goto(`${server.baseUrl}/events/${event.id}/roster`);
    await page.click('[data-testid="open-scanner"]');
    await page.waitForSelector('[data-testid="camera-viewport"][data-state="scanning"]', { timeout: 15_000 });
    await page.locator('[data-testid="scanner-log"] li', { hasText: '撮影 花子' }).waitFor({ timeout: 15_000 });

    const attended = await waitFor(
      async () => {
        const res = await fetch(`${server.api}/events/${event.id}/roster`, {
          headers: { authorization: `Bearer ${staff}` },
        });
        const rows = (await res.json()) as RosterEntry[];
        return rows.find((r) => r.id === registration.id && r.status === 'attended');
      },
      5000,
      'the check-in',
    );
    expect(attended.checkedInAt).toBeTruthy();
  });
});
