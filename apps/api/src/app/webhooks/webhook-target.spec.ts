import { guardedLookup, isPrivateAddress, targetProblem } from './webhook-target';

describe('webhook targets (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-address',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '203.0.113.9', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('takes http(s) only, and no credentials in the URL', () => {
    expect(targetProblem('ftp://example.jp/x', true)).toBe('not http(s)');
    expect(targetProblem('file:///etc/passwd', true)).toBe('not http(s)');
    expect(targetProblem('https://user:pw@example.jp/x', true)).toBe('credentials in the URL');
    expect(targetProblem('https://hooks.example.jp/x', false)).toBeNull();
  });

  it('refuses loopback and private literals unless private targets are allowed', () => {
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]/x', 'http://169.254.169.254/']) {
      expect(targetProblem(url, false)).toBe('a private address');
      expect(targetProblem(url, true)).toBeNull();
    }
  });

  it('refuses a name that resolves to a private address when connecting', async () => {
    const lookup = guardedLookup(false);
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('localhost', {}, (e) => resolve(e)),
    );
    expect(err?.code).toBe('EWEBHOOKPRIVATE');
    const allowed = await new Promise<string>((resolve) =>
      guardedLookup(true)('localhost', {}, (_e, address) => resolve(String(address))),
    );
    expect(allowed).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
