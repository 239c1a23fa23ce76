import { describe, expect, it } from 'vitest';
import { can, isRole, ROLES } from './permissions.ts';

describe('isRole', () => {
  it('knows the six roles and nothing else', () => {
    expect(ROLES.every(isRole)).toBe(true);
    for (const value of ['Head', 'director', '', null, undefined]) expect(isRole(value)).toBe(false);
  });
});

describe('can', () => {
  it('acts on the own organisation and the ones below it, never sideways or upwards', () => {
    const municipalAdmin = { role: 'admin' as const, organizationId: 'municipality' };
    expect(can(municipalAdmin, 'personalData.erase', ['region', 'municipality', 'school'])).toBe(true);
    expect(can(municipalAdmin, 'personalData.erase', ['region', 'other-municipality', 'school'])).toBe(false);
    expect(can(municipalAdmin, 'personalData.erase', ['region'])).toBe(false);
    expect(can({ role: 'consultant', organizationId: 'school' }, 'personalData.erase', ['region', 'municipality', 'school'])).toBe(false);
  });
});
