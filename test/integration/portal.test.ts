import { randomUUID } from 'node:crypto';

import { describe, expect, inject, it } from 'vitest';

import { UnprocessableEntityError } from '../../src/index.js';
import { sentRequests } from '../support/spec-assertions.js';
import { emulatorApiKey, emulatorClient, rejectionOf, useSpecServer } from './helpers.js';

const emulator = inject('emulator');
const apiKey = emulatorApiKey(7);

describe('generateLink on the emulator', () => {
  const workos = emulatorClient(7);

  it('links to the intent of the organization', async () => {
    const org = await workos.organizations.createOrganization({ name: `Portal ${randomUUID()}` });

    const sso = await workos.portal.generateLink({ organization: org.id, intent: 'sso' });
    const dsync = await workos.portal.generateLink({
      organization: org.id,
      intent: 'dsync',
      return_url: 'http://127.0.0.1/settings',
    });

    expect(sso).toEqual({ link: `${emulator.url}/portal/sso/${org.id}` });
    expect(dsync).toEqual({ link: `${emulator.url}/portal/dsync/${org.id}` });
  });

  it('empty organization is 422', async () => {
    const error = await rejectionOf(
      workos.portal.generateLink({ organization: '', intent: 'audit_logs' }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      message:
        'POST /portal/generate_link failed with 422: organization is required' +
        ` (request id ${(error as UnprocessableEntityError).requestId})`,
      errors: [{ field: 'organization', code: 'required' }],
    });
  });
});

describe('generateLink on the spec server', () => {
  const spec = useSpecServer({ apiKey });

  it('sends every link option', async () => {
    const body = {
      organization: 'org_1',
      intent: 'domain_verification' as const,
      return_url: 'https://app.example/settings',
      success_url: 'https://app.example/done',
      it_contact_emails: ['it@example.com'],
    };

    const link = await spec.workos.portal.generateLink(body);

    expect(sentRequests(spec.server)).toEqual([
      { method: 'POST', path: '/portal/generate_link', query: {}, body },
    ]);
    expect(link).toEqual(spec.server.exampleResponse('POST', '/portal/generate_link'));
  });
});
