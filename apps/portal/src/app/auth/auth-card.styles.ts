/** The look of the small signed-out pages (sign-in, forgotten password, reset). */
export const AUTH_CARD_STYLES = `
  .page {
    min-height: 100vh;
    display: flex;
    flex-direction: column;
    align-items: center;
    padding: 48px 16px 32px;
    background: var(--mat-sys-surface-container-lowest);
  }
  .card {
    width: 100%;
    max-width: 420px;
    padding: 12px 8px;
  }
  h1 {
    font: var(--mat-sys-headline-small);
    margin: 8px 0 12px;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .alert {
    padding: 10px 12px;
    margin-bottom: 16px;
    border-radius: 8px;
    background: var(--mat-sys-error-container);
    color: var(--mat-sys-on-error-container);
  }
  .done {
    padding: 10px 12px;
    margin-bottom: 16px;
    border-radius: 8px;
    background: var(--mat-sys-secondary-container);
  }
`;
