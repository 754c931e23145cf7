import { loadConfig } from './app-config';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('takes a hop count or proxy addresses, never a blanket true', () => {
    expect(parseTrustProxy(undefined)).toEqual({ value: false });
    expect(parseTrustProxy('0')).toEqual({ value: false });
    expect(parseTrustProxy('false')).toEqual({ value: false });
    expect(parseTrustProxy('2')).toEqual({ value: 2 });
    expect(parseTrustProxy('10.0.0.1, 172.16.0.0/12, ::1, loopback')).toEqual({
      value: ['10.0.0.1', '172.16.0.0/12', '::1', 'loopback'],
    });
    expect(parseTrustProxy('true')).toMatchObject({ value: 1, warning: expect.stringContaining('1') });
  });

  it('refuses anything else at start-up, naming the variable', () => {
    for (const raw of ['maybe', '10.0.0.999', '10.0.0.0/33', '99', '-1']) {
      expect(parseTrustProxy(raw)).toMatchObject({ value: false, problem: expect.stringContaining('TRUST_PROXY') });
    }
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });
});
