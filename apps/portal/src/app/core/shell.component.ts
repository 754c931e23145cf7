import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { AuthService } from './auth.service';
import { ChamberService } from './chamber.service';
import { DisplayPrefsService } from './display-prefs.service';
import { LanguageToggleComponent } from './language-toggle.component';

/** Below this width the signed-in links move from the toolbar into a menu (keep in step with the .scss). */
const COMPACT_QUERY = '(max-width: 1159.98px)';

/** One main-navigation entry; `key` names its test ids: `nav-<key>` inline, `nav-menu-<key>` in the phone menu. */
interface NavLink {
  readonly key: string;
  readonly path: string;
  readonly icon: string;
  readonly label: string;
}

/**
 * The signed-in frame: toolbar with navigation, language switch and the user menu.
 * On narrow screens the signed-in links fold into a menu button so the toolbar fits a phone.
 */
@Component({
  selector: 'cp-shell',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    MatSlideToggleModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    LanguageToggleComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  protected readonly prefs = inject(DisplayPrefsService);
  /** the chamber's name and logo in the brand (its settings, GET /api/chamber) */
  protected readonly chamber = inject(ChamberService);
  protected readonly now = new Date();

  constructor() {
    void this.chamber.load();
  }

  private readonly breakpoints = inject(BreakpointObserver);
  /** True on phones, tablets and narrow windows, where the six links do not fit beside the brand. */
  protected readonly compact = toSignal(this.breakpoints.observe(COMPACT_QUERY).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(COMPACT_QUERY),
  });

  /** The links this visitor may use; the exam calendar is public, so it shows signed in or not. */
  protected readonly links = computed<readonly NavLink[]>(() => {
    const exams: NavLink = { key: 'exams', path: '/exams', icon: 'exam', label: 'nav.exams' };
    if (!this.auth.signedIn()) {
      return [exams];
    }
    const chamber = this.auth.isChamber();
    return [
      ...(chamber ? [{ key: 'dashboard', path: '/dashboard', icon: 'dashboard', label: 'nav.dashboard' }] : []),
      ...(chamber ? [] : [{ key: 'home', path: '/home', icon: 'home', label: 'nav.home' }]),
      chamber
        ? { key: 'members', path: '/members', icon: 'home', label: 'nav.members' }
        : { key: 'members', path: '/members/mine', icon: 'home', label: 'nav.ourCompany' },
      { key: 'events', path: '/events', icon: 'calendar', label: 'nav.events' },
      { key: 'plan', path: '/plan', icon: 'plan', label: 'nav.plan' },
      { key: 'suggestions', path: '/suggestions', icon: 'edit', label: 'nav.suggestions' },
      exams,
    ];
  });

  /** Fold the links into the menu button: only worth it when signed in (signed out there is just one). */
  protected readonly folded = computed(() => this.compact() && this.auth.signedIn());

  protected signOut(): void {
    void this.auth.logout();
  }
}
