import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CheckInResponse } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { EventFormatService } from './event-format.service';
import { apiErrorOf, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { type QrReader, qrReader } from './qr-frame-reader';

export interface QrScannerData {
  eventId: string;
  /** called after each successful check-in, so the roster behind the dialog follows */
  checkedIn?: (answer: CheckInResponse) => void;
  /**
   * Instead of checking in online: what to do with a code read (the offline check-in page checks it
   * against its roster and queues it); answers the line to show.
   */
  scan?: (code: string) => Promise<{ ok: boolean; text: string }>;
}

type CameraState = 'starting' | 'scanning' | 'unsupported' | 'denied' | 'error' | 'stopped';

interface ScanLine {
  ok: boolean;
  text: string;
  at: number;
}

const SCAN_INTERVAL_MS = 250;
/** The same code in front of the camera is not sent again within this time. */
const REPEAT_GUARD_MS = 4000;

/** Check-in at the door: the device camera reads the QR code; a typed or pasted code works everywhere. */
@Component({
  selector: 'cp-qr-scanner-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './qr-scanner.dialog.html',
  styleUrl: './qr-scanner.dialog.scss',
})
export class QrScannerDialog {
  private readonly api = inject(EventsDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly format = inject(EventFormatService);
  protected readonly data = inject<QrScannerData>(MAT_DIALOG_DATA);
  private readonly video = viewChild<ElementRef<HTMLVideoElement>>('video');

  protected readonly camera = signal<CameraState>('starting');
  protected readonly lines = signal<ScanLine[]>([]);
  protected readonly busy = signal(false);
  protected manual = '';

  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private detector: QrReader | null = null;
  private last: { value: string; at: number } | null = null;

  constructor() {
    afterNextRender(() => void this.startCamera());
    inject(DestroyRef).onDestroy(() => this.stopCamera());
  }

  protected async startCamera(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.camera.set('unsupported');
      return;
    }
    this.camera.set('starting');
    try {
      this.detector = await qrReader();
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
      const video = this.video()?.nativeElement;
      if (!video) throw new Error('no video element');
      video.srcObject = this.stream;
      await video.play();
      this.camera.set('scanning');
      this.schedule();
    } catch (error: unknown) {
      this.stopCamera();
      const name = error instanceof DOMException ? error.name : '';
      this.camera.set(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'error');
    }
  }

  protected stopCamera(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    if (this.camera() === 'scanning' || this.camera() === 'starting') this.camera.set('stopped');
  }

  protected async submitManual(): Promise<void> {
    const value = this.manual.trim();
    if (!value) return;
    if (await this.checkIn(value)) this.manual = '';
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.scan(), SCAN_INTERVAL_MS);
  }

  private async scan(): Promise<void> {
    const video = this.video()?.nativeElement;
    if (!this.detector || !video || !this.stream) return;
    try {
      const codes = await this.detector.detect(video);
      const value = codes[0]?.rawValue?.trim();
      const now = Date.now();
      if (value && !(this.last && this.last.value === value && now - this.last.at < REPEAT_GUARD_MS)) {
        this.last = { value, at: now };
        await this.checkIn(value);
      }
    } catch {
      // a frame that could not be read: try the next one
    }
    if (this.stream) this.schedule();
  }

  private async checkIn(token: string): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    if (this.data.scan) {
      try {
        const line = await this.data.scan(token);
        this.push(line.ok, line.text);
        if (line.ok) navigator.vibrate?.(80);
        return line.ok;
      } finally {
        this.busy.set(false);
      }
    }
    try {
      const answer = await firstValueFrom(this.api.checkInByToken(token, this.data.eventId));
      const key = answer.alreadyCheckedIn ? 'events.scanner.already' : 'events.scanner.ok';
      this.push(true, this.transloco.translate(key, { name: answer.name, time: this.format.time(answer.checkedInAt) }));
      this.data.checkedIn?.(answer);
      navigator.vibrate?.(80);
      return true;
    } catch (error: unknown) {
      const status = statusOf(error);
      const fallback = this.transloco.translate(status === 0 ? 'events.errors.network' : 'events.scanner.failed');
      this.push(false, apiErrorOf(error)?.message ?? fallback);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private push(ok: boolean, text: string): void {
    this.lines.update((lines) => [{ ok, text, at: Date.now() }, ...lines].slice(0, 6));
  }
}
