import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChamberImageKind, ChamberProfile, UpdateChamberProfileRequest } from '@chamber/contracts';
import type { Observable } from 'rxjs';

/** The admin settings' calls. */
@Injectable({ providedIn: 'root' })
export class SettingsDataService {
  private readonly http = inject(HttpClient);

  chamber(): Observable<ChamberProfile> {
    return this.http.get<ChamberProfile>('/api/chamber');
  }

  updateChamber(body: UpdateChamberProfileRequest): Observable<ChamberProfile> {
    return this.http.patch<ChamberProfile>('/api/chamber', body);
  }

  /** The file's bytes as the body, with its own type (image/png or image/jpeg). */
  uploadImage(kind: ChamberImageKind, file: File): Observable<ChamberProfile> {
    return this.http.put<ChamberProfile>(`/api/chamber/${kind}`, file, { headers: { 'content-type': file.type } });
  }

  deleteImage(kind: ChamberImageKind): Observable<void> {
    return this.http.delete<void>(`/api/chamber/${kind}`);
  }
}
