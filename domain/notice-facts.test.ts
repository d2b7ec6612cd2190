// Notifications name who and what (docs/rules.md §9), a person by first name and initial (§11).
import { expect, it } from 'vitest';
import { noticeName, withFacts } from './notice-facts.ts';

it('a person is named by first name and the initial of the last name', () => {
  expect(noticeName({ firstName: 'Camille', lastName: 'durand' })).toBe('Camille D.');
  expect(noticeName({ firstName: ' Éloïse ', lastName: 'élan' })).toBe('Éloïse É.');
});

it('facts follow the body, one line each, unknown ones left out', () => {
  expect(
    withFacts('Nouvelle candidature.', [
      ['Personne', 'Camille D.'],
      ['Envoyée par', null],
      ['Poste', 'Agent d’entretien'],
    ]),
  ).toBe('Nouvelle candidature.\nPersonne : Camille D.\nPoste : Agent d’entretien');
  expect(withFacts('Texte.', [['Personne', undefined]])).toBe('Texte.');
});
