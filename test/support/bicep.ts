import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { Language, Parser } from 'web-tree-sitter';

/**
 * Bicep read offline with tree-sitter-bicep (no Bicep compiler can be installed here): a syntax
 * check, and the declarations as plain data for structural assertions. Values the parser cannot
 * know stay as source text (see BicepObject).
 */
export type BicepValue = string | number | boolean | null | BicepValue[] | BicepObject;
/**
 * An object literal, or what stands for a value the parser cannot know: `{ $expr }` (with
 * `$args` for a call and `$branches` for `?:`, as values), `{ $template }` for an interpolated string.
 */
export interface BicepObject {
  [key: string]: BicepValue;
}

interface BicepDecorated {
  name: string;
  description?: string;
  decorators: string[];
}
interface BicepParam extends BicepDecorated {
  type: string;
  default?: BicepValue;
}
export interface BicepResource {
  symbol: string;
  /** e.g. `Microsoft.Web/sites`. */
  type: string;
  apiVersion: string;
  existing: boolean;
  /** Source of the `if (...)` condition of a conditional resource. */
  condition?: string;
  body: BicepObject;
}
export interface BicepModule {
  symbol: string;
  path: string;
  body: BicepObject;
}
export interface BicepFile {
  path: string;
  source: string;
  /** `line:column text` of every ERROR or MISSING node. */
  syntaxErrors: string[];
  params: BicepParam[];
  vars: BicepObject;
  resources: BicepResource[];
  modules: BicepModule[];
  outputs: BicepDecorated[];
}

let parser: Promise<Parser> | undefined;

async function newParser(): Promise<Parser> {
  await Parser.init();
  const grammar = join(dirname(require.resolve('tree-sitter-bicep/package.json')), 'tree-sitter-bicep.wasm');
  const p = new Parser();
  p.setLanguage(await Language.load(new Uint8Array(readFileSync(grammar))));
  return p;
}

export async function parseBicep(path: string): Promise<BicepFile> {
  parser ??= newParser();
  const source = readFileSync(path, 'utf8');
  const tree = (await parser).parse(source);
  if (!tree) throw new Error(`tree-sitter could not parse ${path}`);
  const file: BicepFile = {
    path,
    source,
    syntaxErrors: syntaxErrors(tree.rootNode),
    params: [],
    vars: {},
    resources: [],
    modules: [],
    outputs: [],
  };
  for (const node of tree.rootNode.namedChildren) declare(file, node);
  tree.delete();
  return file;
}

function syntaxErrors(node: Node): string[] {
  const found: string[] = [];
  const visit = (n: Node): void => {
    if (n.isError || n.isMissing) {
      found.push(
        `${n.startPosition.row + 1}:${n.startPosition.column + 1} ${n.isMissing ? 'missing ' : ''}${n.text.slice(0, 40)}`,
      );
      return;
    }
    if (n.hasError) for (const child of n.children) visit(child);
  };
  visit(node);
  return found;
}

function declare(file: BicepFile, node: Node): void {
  const named = node.namedChildren;
  const symbol = named[0]?.text ?? '';
  switch (node.type) {
    case 'parameter_declaration': {
      const value = named[2];
      file.params.push({
        ...decorated(node, symbol),
        type: named[1]?.text ?? '',
        ...(value && { default: valueOf(value) }),
      });
      break;
    }
    case 'variable_declaration':
      file.vars[symbol] = named[1] ? valueOf(named[1]) : null;
      break;
    case 'output_declaration':
      file.outputs.push(decorated(node, symbol));
      break;
    case 'resource_declaration': {
      const [type = '', apiVersion = ''] = stringOf(named[1]).split('@');
      const { body, condition } = bodyOf(named[2]);
      file.resources.push({
        symbol,
        type,
        apiVersion,
        existing: node.children.some((c) => !c.isNamed && c.type === 'existing'),
        ...(condition !== undefined && { condition }),
        body,
      });
      break;
    }
    case 'module_declaration':
      file.modules.push({ symbol, path: stringOf(named[1]), body: bodyOf(named[2]).body });
      break;
    default:
  }
}

function decorated(node: Node, name: string): BicepDecorated {
  let previous = node.previousNamedSibling;
  while (previous?.type === 'comment') previous = previous.previousNamedSibling;
  const calls = previous?.type === 'decorators' ? previous.descendantsOfType('call_expression') : [];
  const decorators: string[] = [];
  let description: string | undefined;
  for (const call of calls) {
    if (call.parent?.type !== 'decorator') continue;
    const fn = call.childForFieldName('function')?.text ?? '';
    decorators.push(fn);
    const first = call.childForFieldName('arguments')?.namedChildren[0];
    if (fn === 'description' && first?.type === 'string') description = stringOf(first);
  }
  return { name, decorators, ...(description !== undefined && { description }) };
}

function bodyOf(node: Node | null | undefined): { body: BicepObject; condition?: string } {
  if (node?.type === 'if_statement') {
    const [condition, body] = node.namedChildren;
    return { body: objectOf(body), condition: condition?.text.replace(/^\(|\)$/g, '') ?? '' };
  }
  if (node?.type === 'for_statement') return { body: objectOf(node.childForFieldName('body')) };
  return { body: objectOf(node) };
}

function objectOf(node: Node | null | undefined): BicepObject {
  const value = node ? valueOf(node) : {};
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

function valueOf(node: Node): BicepValue {
  switch (node.type) {
    case 'object': {
      const object: BicepObject = {};
      for (const property of node.namedChildren) {
        if (property.type !== 'object_property') continue;
        const [key, value] = property.namedChildren;
        if (!key || !value) continue;
        object[key.type === 'string' ? stringOf(key) : key.text] = valueOf(value);
      }
      return object;
    }
    case 'array':
      return node.namedChildren.filter((n) => n.type !== 'comment').map(valueOf);
    case 'string':
      return node.namedChildren.some((n) => n.type === 'interpolation')
        ? { $template: node.text.slice(1, -1) }
        : stringOf(node);
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    case 'call_expression':
      return {
        $expr: node.text,
        $args: (node.childForFieldName('arguments')?.namedChildren ?? [])
          .filter((n) => n.type !== 'comment')
          .map(valueOf),
      };
    case 'ternary_expression': {
      const branches = ['consequence', 'alternative'].map((f) => node.childForFieldName(f));
      return { $expr: node.text, $branches: branches.filter((n) => n !== null).map(valueOf) };
    }
    default:
      return { $expr: node.text };
  }
}

function stringOf(node: Node | null | undefined): string {
  if (node?.type !== 'string') return node?.text ?? '';
  return node.text.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}
