// The repository holds its own rules: no file points outside it (a sibling folder, an absolute
// path on someone's machine), and comments cite the product rules as docs/rules.md §n.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

// Built from pieces so that this file does not match itself.
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: new RegExp(['\\.\\.', 'shared'].join('/')), why: 'a folder outside the repository' },
  { pattern: new RegExp(['SPEC', '\\.md'].join('')), why: 'a specification outside the repository' },
  {
    pattern: new RegExp(['STYLE', '\\.md'].join('')),
    why: 'a style guide outside the repository (docs/conventions.md)',
  },
  { pattern: new RegExp(['SPEC', ' §'].join('')), why: 'cite docs/rules.md §n' },
];

const BINARY = /\.(png|jpe?g|gif|ico|pdf|woff2?|ttf|wasm|gz|zip)$/i;

/** Tracked files, and new ones not yet added (but not ignored ones). */
function repositoryFiles(): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return output.split('\0').filter((file) => file !== '' && !BINARY.test(file));
}

/** Each repository file with its text (files deleted in the working tree are skipped). */
function* repositoryTexts(): Generator<[file: string, text: string]> {
  for (const file of repositoryFiles()) {
    let text: string;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue;
    }
    yield [file, text];
  }
}

describe('the repository is self-contained', () => {
  it('no file refers to a path outside the repository or to an outside specification', () => {
    const offences: string[] = [];
    for (const [file, text] of repositoryTexts()) {
      text.split('\n').forEach((line, index) => {
        for (const { pattern, why } of FORBIDDEN) {
          if (pattern.test(line)) offences.push(`${file}:${index + 1}: ${why}: ${line.trim()}`);
        }
      });
    }
    expect(offences).toEqual([]);
  });

  it('the rules document keeps every section that comments cite', () => {
    const rules = readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
    const sections = new Set([...rules.matchAll(/^## (\d+)\. /gm)].map((match) => Number(match[1])));
    const cited = new Set<number>();
    for (const [file, text] of repositoryTexts()) {
      if (!/\.(ts|js|svelte|md)$/.test(file)) continue;
      for (const citation of text.matchAll(/docs\/rules\.md ((?:§\d+(?:, )?)+)/g)) {
        for (const number of citation[1]!.matchAll(/§(\d+)/g)) cited.add(Number(number[1]));
      }
    }
    expect(cited.size).toBeGreaterThan(0);
    expect([...cited].filter((number) => !sections.has(number))).toEqual([]);
  });
});
