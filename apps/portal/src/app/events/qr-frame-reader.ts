import jsQR from 'jsqr';

/** What the scanner needs of a QR reader: the codes seen in the current video frame. */
export interface QrReader {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

/** The part of the Barcode Detection API used here (Chromium on Android, macOS, ChromeOS; not in lib.dom). */
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): QrReader;
  getSupportedFormats?(): Promise<string[]>;
}

// frames are read at this width at most: enough for a code held up to the camera, and fast
const MAX_WIDTH = 640;

/**
 * The browser's own QR reader where it has one; elsewhere (Chrome and Edge on Windows and Linux, the
 * reception desk's laptop) jsQR on the video frames. (jsQR is imported statically: it then rides in
 * the lazy staff events chunk, while a dynamic import made the bundler pull the CDK overlay into
 * the initial bundle, +53 kB.)
 */
export async function qrReader(): Promise<QrReader> {
  const Native = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  const formats = Native ? ((await Native.getSupportedFormats?.().catch(() => [])) ?? ['qr_code']) : [];
  if (Native && formats.includes('qr_code')) return new Native({ formats: ['qr_code'] });

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  return {
    async detect(video) {
      if (!video.videoWidth || !video.videoHeight) return [];
      const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
      return found?.data ? [{ rawValue: found.data }] : [];
    },
  };
}
