import { describe, expect, it } from 'vitest';

import { ConflictError, NotFoundError, UnprocessableEntityError } from '../../src/index.js';
import { emulatorClient, rejectionOf, unique } from './helpers.js';

const workos = emulatorClient(5);

async function createOrganization(): Promise<string> {
  const organization = await workos.organizations.createOrganization({
    name: `Domains ${unique()}`,
  });
  return organization.id;
}

describe('organization domains on the emulator', () => {
  it('createOrganizationDomain starts pending', async () => {
    const organizationId = await createOrganization();
    const name = `${unique()}.example`;

    const domain = await workos.organizationDomains.createOrganizationDomain({
      domain: name,
      organization_id: organizationId,
    });

    expect(domain.object).toBe('organization_domain');
    expect(domain.id).toMatch(/^org_domain_/);
    expect(domain.domain).toBe(name);
    expect(domain.organization_id).toBe(organizationId);
    expect(domain.state).toBe('pending');
    expect(domain.verification_strategy).toBe('manual');
    expect(domain.verification_prefix).toBe('workos-verify');
    // The verification token is published in DNS, so it stays a plain string.
    expect(domain.verification_token).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(domain)).toContain(domain.verification_token);
  });

  it('getOrganizationDomain returns the created domain', async () => {
    const organizationId = await createOrganization();
    const created = await workos.organizationDomains.createOrganizationDomain({
      domain: `${unique()}.example`,
      organization_id: organizationId,
    });

    const fetched = await workos.organizationDomains.getOrganizationDomain(created.id);

    expect(fetched).toEqual(created);
    const organization = await workos.organizations.getOrganization(organizationId);
    expect(organization.domains).toEqual([created]);
  });

  it('verifyOrganizationDomain marks it verified', async () => {
    const organizationId = await createOrganization();
    const created = await workos.organizationDomains.createOrganizationDomain({
      domain: `${unique()}.example`,
      organization_id: organizationId,
    });

    const verified = await workos.organizationDomains.verifyOrganizationDomain(created.id);

    expect(verified.id).toBe(created.id);
    expect(verified.domain).toBe(created.domain);
    expect(verified.state).toBe('verified');
    expect(verified.verification_token).toBe(created.verification_token);
    expect((await workos.organizationDomains.getOrganizationDomain(created.id)).state).toBe(
      'verified',
    );
    const organization = await workos.organizations.getOrganization(organizationId);
    expect(organization.domains.map(({ id, state }) => ({ id, state }))).toEqual([
      { id: created.id, state: 'verified' },
    ]);
  });

  it('deleteOrganizationDomain then NotFoundError', async () => {
    const organizationId = await createOrganization();
    const created = await workos.organizationDomains.createOrganizationDomain({
      domain: `${unique()}.example`,
      organization_id: organizationId,
    });

    expect(await workos.organizationDomains.deleteOrganizationDomain(created.id)).toBeUndefined();

    const error = await rejectionOf(workos.organizationDomains.getOrganizationDomain(created.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      body: { message: 'Organization Domain not found', code: 'not_found' },
    });
    expect((await workos.organizations.getOrganization(organizationId)).domains).toEqual([]);

    const verifyError = await rejectionOf(
      workos.organizationDomains.verifyOrganizationDomain(created.id),
    );
    expect(verifyError).toBeInstanceOf(NotFoundError);
    const deleteError = await rejectionOf(
      workos.organizationDomains.deleteOrganizationDomain(created.id),
    );
    expect(deleteError).toBeInstanceOf(NotFoundError);
  });

  it('createOrganizationDomain twice is ConflictError', async () => {
    const organizationId = await createOrganization();
    const name = `${unique()}.example`;
    await workos.organizationDomains.createOrganizationDomain({
      domain: name,
      organization_id: organizationId,
    });

    const error = await rejectionOf(
      workos.organizationDomains.createOrganizationDomain({
        domain: name,
        organization_id: organizationId,
      }),
    );

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      body: { message: 'Domain already exists for this organization', code: 'conflict' },
    });
  });

  it('createOrganizationDomain unknown organization is NotFoundError', async () => {
    const error = await rejectionOf(
      workos.organizationDomains.createOrganizationDomain({
        domain: `${unique()}.example`,
        organization_id: `org_missing_${unique()}`,
      }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body: { message: 'Organization not found', code: 'not_found' },
    });
  });

  it('createOrganizationDomain empty domain is UnprocessableEntityError', async () => {
    const organizationId = await createOrganization();

    const error = await rejectionOf(
      workos.organizationDomains.createOrganizationDomain({
        domain: '',
        organization_id: organizationId,
      }),
    );

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unprocessable_entity',
      errors: [{ field: 'domain', code: 'required' }],
    });
  });
});
