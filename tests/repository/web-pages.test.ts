// Two rules every page of the web app keeps, checked on the Svelte sources (docs/decisions/024):
// - what a person typed before the scripts ran is never written over at hydration: a visible
//   field takes its value from a binding (`bind:value`, as InputField and Combobox do) or a
//   default (`defaultValue`, `defaultChecked`), never from a `value={…}` / `checked={…}`
//   attribute, which Svelte writes back into the field when the page hydrates;
// - the page's margins come from the root layout's container: no page opens its own;
// - every table is drawn by lib/components/Table.svelte, whose scrolling container is reachable
//   by keyboard and named by the caption (axe scrollable-region-focusable).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type AST } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../../web/src/', import.meta.url));

const svelteFiles = readdirSync(WEB, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.svelte'))
  .map((entry) => path.relative(WEB, path.join(entry.parentPath, entry.name)))
  .sort();

/** Every element of a template, in {#if}, {#each}, snippets… alike (a walk of the whole tree). */
function elements(root: AST.Fragment): AST.RegularElement[] {
  const found = new Set<AST.RegularElement>();
  const pending: unknown[] = [root];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if ((node as { type?: unknown }).type === 'RegularElement') found.add(node as AST.RegularElement);
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'metadata' && key !== 'parent') pending.push(child);
    }
  }
  return [...found].sort((a, b) => a.start - b.start);
}

function staticAttribute(element: AST.RegularElement, name: string): string | null {
  const attribute = element.attributes.find((a): a is AST.Attribute => a.type === 'Attribute' && a.name === name);
  if (!attribute || attribute.value === true) return null;
  const parts = Array.isArray(attribute.value) ? attribute.value : [attribute.value];
  return parts.every((part) => part.type === 'Text') ? parts.map((part) => part.data).join('') : null;
}

function isDynamic(attribute: AST.Attribute): boolean {
  if (attribute.value === true) return false;
  const parts = Array.isArray(attribute.value) ? attribute.value : [attribute.value];
  return parts.some((part) => part.type === 'ExpressionTag');
}

/** `file:line <tag attribute>` of each visible field whose value or checked state an expression writes. */
function overwrittenAtHydration(file: string): string[] {
  const source = readFileSync(path.join(WEB, file), 'utf8');
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  for (const element of elements(ast.fragment)) {
    if (element.name !== 'input' && element.name !== 'textarea') continue;
    const type = staticAttribute(element, 'type') ?? 'text';
    for (const attribute of element.attributes) {
      if (attribute.type !== 'Attribute' || !isDynamic(attribute)) continue;
      const valueOfField = attribute.name === 'value' && !['hidden', 'checkbox', 'radio', 'submit'].includes(type);
      if (valueOfField || attribute.name === 'checked') {
        const line = source.slice(0, attribute.start).split('\n').length;
        found.push(`${file}:${line} <${element.name} ${attribute.name}={…}>`);
      }
    }
  }
  return found;
}

/** Whether the page's outermost markup opens a DSFR container of its own. */
function opensOwnContainer(source: string): boolean {
  const ast = parse(source, { modern: true });
  return ast.fragment.nodes.some(
    (node) =>
      node.type === 'RegularElement' && (staticAttribute(node, 'class') ?? '').split(/\s+/).includes('fr-container'),
  );
}

/** `file:line` of each `<table>` written outside the Table component. */
function ownTables(file: string, source = readFileSync(path.join(WEB, file), 'utf8')): string[] {
  return elements(parse(source, { modern: true }).fragment)
    .filter((element) => element.name === 'table')
    .map((element) => `${file}:${source.slice(0, element.start).split('\n').length}`);
}

describe('web pages', () => {
  it('take their margins from the layout: none opens its own container', () => {
    const pages = svelteFiles.filter(
      (file) => file.endsWith('+page.svelte') || file.endsWith('+error.svelte') || file.endsWith('audit-log.svelte'),
    );
    expect(pages.filter((file) => opensOwnContainer(readFileSync(path.join(WEB, file), 'utf8')))).toEqual([]);
    expect(opensOwnContainer('<div class="fr-container fr-my-4w"><h1>Titre</h1></div>')).toBe(true);
    const layout = readFileSync(path.join(WEB, 'routes/+layout.svelte'), 'utf8');
    expect(layout).toMatch(/<main id="contenu"[^>]*>\s*<div class="fr-container[^"]*">\s*\{@render children\(\)\}/);
  });

  it('write no field value over what was typed before hydration', () => {
    expect(svelteFiles.length).toBeGreaterThan(40);
    expect(svelteFiles.flatMap(overwrittenAtHydration)).toEqual([]);
  });

  it('draw every table with the Table component', () => {
    const tables = svelteFiles
      .filter((file) => file !== 'lib/components/Table.svelte')
      .flatMap((file) => ownTables(file));
    expect(tables).toEqual([]);
    expect(ownTables('lib/components/Table.svelte')).toHaveLength(1);
    expect(
      ownTables('exemple.svelte', '<h2>Titre</h2>\n{#if rows}<div><table><tr><td>1</td></tr></table></div>{/if}'),
    ).toEqual(['exemple.svelte:2']);
  });

  it('the check finds a field written by an expression', () => {
    const ast = parse('<input name="q" value={q} /><input type="hidden" value={id} />', { modern: true });
    const fields = elements(ast.fragment);
    expect(
      fields.map((field) => field.attributes.filter((a) => a.type === 'Attribute' && isDynamic(a)).length),
    ).toEqual([1, 1]);
  });
});
