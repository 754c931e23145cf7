import { Directive, ElementRef, afterNextRender, inject, input, signal } from '@angular/core';

let nextId = 0;

/**
 * A container that scrolls sideways (a wide table on a phone) must be reachable by keyboard and named
 * (WCAG 2.1.1, axe scrollable-region-focusable): it takes focus (arrow keys scroll it), is a region and
 * is named by `cpScrollRegion="…"` or, without one, by the nearest heading before it (aria-labelledby,
 * so the name follows a language switch). Applies to every `.table-wrap` of a component that imports it.
 */
@Directive({
  selector: '.table-wrap, [cpScrollRegion]',
  host: {
    tabindex: '0',
    role: 'region',
    '[attr.aria-label]': 'label() || null',
    '[attr.aria-labelledby]': 'label() ? null : labelledBy()',
  },
})
export class ScrollRegionDirective {
  readonly label = input<string>('', { alias: 'cpScrollRegion' });
  protected readonly labelledBy = signal<string | null>(null);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    afterNextRender(() => {
      if (this.label()) return;
      const heading = nearestHeading(this.host.nativeElement);
      if (!heading) return;
      if (!heading.id) heading.id = `cp-region-${++nextId}`;
      this.labelledBy.set(heading.id);
    });
  }
}

const HEADING = 'h1, h2, h3, h4, h5, h6, caption';

/** The table's caption, else the last heading before the element in its section (or its page). */
function nearestHeading(el: HTMLElement): HTMLElement | null {
  const caption = el.querySelector<HTMLElement>('caption');
  if (caption) return caption;
  for (let node: HTMLElement | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.matches(HEADING)) return sib as HTMLElement;
      const inner = sib.querySelectorAll<HTMLElement>(HEADING);
      if (inner.length > 0) return inner[inner.length - 1]!;
    }
  }
  return null;
}
