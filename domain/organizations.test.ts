import { describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_REQUEST_OPEN_LABEL,
  AUTHORIZATION_STATUSES,
  AUTHORIZATION_STATUS_LABELS,
  authorizationStatusLabel,
  EMPLOYER_KINDS,
  LAW_AUTHORIZED_PRESCRIBER_KINDS,
  ORGANIZATION_TYPES,
  PRESCRIBER_KINDS,
  ROLES,
  ROLE_LABELS,
  ROLE_OF_ORGANIZATION_TYPE,
  SIAE_KINDS,
  initialAuthorizationStatus,
  isAuthorizedByLaw,
  isAuthorizedPrescriber,
  type AuthorizationStatus,
  type PrescriberKind,
} from './organizations.ts';

const LAW_AUTHORIZED: readonly PrescriberKind[] = [
  'FRANCE_TRAVAIL',
  'MISSION_LOCALE',
  'CAP_EMPLOI',
  'DEPARTEMENT',
  'SPIP',
  'PJJ',
];

describe('prescriber kinds authorized by law', () => {
  it('exactly six kinds are authorized by law: France Travail, Mission locale, Cap emploi, Département, SPIP, PJJ', () => {
    expect([...LAW_AUTHORIZED_PRESCRIBER_KINDS].sort()).toEqual([...LAW_AUTHORIZED].sort());
  });

  it('every kind authorized by law is a known prescriber kind', () => {
    for (const kind of LAW_AUTHORIZED_PRESCRIBER_KINDS) expect(PRESCRIBER_KINDS).toContain(kind);
  });

  it.each(PRESCRIBER_KINDS.map((kind) => [kind, LAW_AUTHORIZED.includes(kind) ? 'VALIDATED' : 'NOT_SET'] as const))(
    'a new %s organization starts with authorization status %s',
    (kind, expected) => {
      expect(initialAuthorizationStatus(kind)).toBe(expected);
      expect(isAuthorizedByLaw(kind)).toBe(expected === 'VALIDATED');
    },
  );

  it('the other ten kinds (CCAS, CIAS, CAF, CHRS, CADA, ASE, PLIE, EBE, association, other) start NOT_SET and need the prefect', () => {
    const notSet = PRESCRIBER_KINDS.filter((kind) => initialAuthorizationStatus(kind) === 'NOT_SET');
    expect(notSet.sort()).toEqual(
      ['CCAS', 'CIAS', 'CAF', 'CHRS', 'CADA', 'ASE', 'PLIE', 'EBE', 'ASSOCIATION', 'OTHER'].sort(),
    );
  });

  it('no prescriber kind starts REFUSED or WITHDRAWN', () => {
    for (const kind of PRESCRIBER_KINDS) expect(['VALIDATED', 'NOT_SET']).toContain(initialAuthorizationStatus(kind));
  });
});

describe('ROLE_OF_ORGANIZATION_TYPE', () => {
  it.each([
    ['PRESCRIBER', 'PRESCRIBER'],
    ['EMPLOYER', 'EMPLOYER_STAFF'],
    ['PREFECTURE', 'PREFECTURE_AGENT'],
    ['DDETS', 'LABOUR_INSPECTOR'],
    ['DREETS', 'REGIONAL_OFFICER'],
    ['PLATFORM', 'ADMIN'],
  ] as const)('a member of a %s organization holds the role %s', (type, role) => {
    expect(ROLE_OF_ORGANIZATION_TYPE[type]).toBe(role);
  });

  it('every organization type has exactly one role, and each role belongs to exactly one type', () => {
    expect(Object.keys(ROLE_OF_ORGANIZATION_TYPE).sort()).toEqual([...ORGANIZATION_TYPES].sort());
    expect(Object.values(ROLE_OF_ORGANIZATION_TYPE).sort()).toEqual([...ROLES].sort());
  });

  it('every role has a French label', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/\S/);
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });
});

describe('isAuthorizedPrescriber', () => {
  const statuses: (AuthorizationStatus | null)[] = [...AUTHORIZATION_STATUSES, null];
  const cases = ROLES.flatMap((role) =>
    statuses.map((status) => [role, status, role === 'PRESCRIBER' && status === 'VALIDATED'] as const),
  );

  it.each(cases)(
    'a member with role %s in an organization with status %s is an authorized prescriber: %s',
    (role, status, expected) => {
      expect(isAuthorizedPrescriber({ role, organization: { authorizationStatus: status } })).toBe(expected);
    },
  );

  it('a prescriber whose organization is not (or no longer) VALIDATED is an orienteur, not an authorized prescriber', () => {
    for (const status of ['NOT_SET', 'REFUSED', 'WITHDRAWN', null] as const) {
      expect(isAuthorizedPrescriber({ role: 'PRESCRIBER', organization: { authorizationStatus: status } })).toBe(false);
    }
  });

  it('a prescriber of a kind authorized by law is an authorized prescriber from creation', () => {
    for (const kind of LAW_AUTHORIZED) {
      const organization = { authorizationStatus: initialAuthorizationStatus(kind) };
      expect(isAuthorizedPrescriber({ role: 'PRESCRIBER', organization })).toBe(true);
    }
  });
});

describe('employer kinds', () => {
  it('the SIAE are ACI, AI, EI, EITI and ETTI; GEIQ, EA and EATT are employers but not SIAE', () => {
    expect([...SIAE_KINDS].sort()).toEqual(['ACI', 'AI', 'EI', 'EITI', 'ETTI']);
    for (const kind of SIAE_KINDS) expect(EMPLOYER_KINDS).toContain(kind);
    expect(EMPLOYER_KINDS.filter((kind) => !SIAE_KINDS.includes(kind)).sort()).toEqual(['EA', 'EATT', 'GEIQ']);
  });
});

describe('authorizationStatusLabel (docs/rules.md §7)', () => {
  it('an orienteur that filed no request reads that it is not authorized, not that something is pending', () => {
    expect(authorizationStatusLabel('NOT_SET', false)).toBe('Non habilitée (orienteur)');
    expect(AUTHORIZATION_STATUS_LABELS.NOT_SET).not.toMatch(/attente|en cours/i);
  });

  it('a request under way is said so, whatever the earlier outcome, unless already authorized', () => {
    for (const status of ['NOT_SET', 'REFUSED', 'WITHDRAWN'] as const) {
      expect(authorizationStatusLabel(status, true), status).toBe(AUTHORIZATION_REQUEST_OPEN_LABEL);
    }
    expect(authorizationStatusLabel('VALIDATED', true)).toBe('Prescripteur habilité');
  });

  it('without a request under way, each status has its own label', () => {
    const labels = AUTHORIZATION_STATUSES.map((status) => authorizationStatusLabel(status, false));
    expect(new Set(labels).size).toBe(AUTHORIZATION_STATUSES.length);
    expect(labels).not.toContain(AUTHORIZATION_REQUEST_OPEN_LABEL);
  });
});
