import { describe, expect, it } from 'vitest';

import { sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, useSpecServer } from './helpers.js';

// The emulator has no POST /radar/attempts, no PUT /radar/attempts/{id} and no
// DELETE /radar/lists/{type}/{action}. Its POST /radar/lists/{type}/{action} reads the action
// as `add` or `remove` and an `entries` array, where the spec has `block` or `allow` and one
// `entry`. So every Radar call goes to the spec server.
const apiKey = emulatorApiKey(0);

const spec = useSpecServer({ apiKey, clearRequests: true });

describe('radar attempts', () => {
  it('createAttempt sends the request to assess', async () => {
    const verdict = await spec.workos.radar.createAttempt({
      ip_address: '198.51.100.42',
      user_agent: 'Mozilla/5.0',
      email: 'ada@example.com',
      auth_method: 'Password',
      action: 'sign-in',
      device_fingerprint: 'fp_1',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/radar/attempts',
        query: {},
        body: {
          ip_address: '198.51.100.42',
          user_agent: 'Mozilla/5.0',
          email: 'ada@example.com',
          auth_method: 'Password',
          action: 'sign-in',
          device_fingerprint: 'fp_1',
        },
      },
    ]);
    expect(verdict).toEqual(spec.server.exampleResponse('POST', '/radar/attempts'));
    expect(verdict.verdict).toBe('block');
  });

  it('updateAttempt sends PUT and resolves empty', async () => {
    const result = await spec.workos.radar.updateAttempt('radar_att/1', {
      attempt_status: 'success',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'PUT',
        path: '/radar/attempts/radar_att%2F1',
        query: {},
        body: { attempt_status: 'success' },
      },
    ]);
    expect(result).toBeUndefined();
  });
});

describe('radar lists', () => {
  it('addListEntry returns the 200 body', async () => {
    const result = await spec.workos.radar.addListEntry('ip_address', 'block', {
      entry: '198.51.100.42',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'POST',
        path: '/radar/lists/ip_address/block',
        query: {},
        body: { entry: '198.51.100.42' },
      },
    ]);
    // The spec lists 200, 201 and 204, and the spec server responds with the lowest.
    expect(result).toEqual(spec.server.exampleResponse('POST', '/radar/lists/{type}/{action}'));
    expect(result).toEqual({ message: 'Entry already present in list' });
  });

  it('removeListEntry sends a DELETE body', async () => {
    const result = await spec.workos.radar.removeListEntry('email', 'allow', {
      entry: 'ada+radar@example.com',
    });

    expect(sentRequests(spec.server)).toEqual([
      {
        method: 'DELETE',
        path: '/radar/lists/email/allow',
        query: {},
        body: { entry: 'ada+radar@example.com' },
      },
    ]);
    expect(spec.server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(result).toBeUndefined();
  });
});
