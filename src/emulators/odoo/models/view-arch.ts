/**
 * Just enough XML for view architectures: well-formedness, the `<field name>` references and
 * the targets of inheritance specs (`<xpath expr>` / `<field name position>`), so that a bad view
 * from the connector fails here as it would in Odoo (whose checks are much wider; see the docs).
 */
export interface ArchElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: ArchElement[];
}

export class ArchSyntaxError extends Error {}

export function parseArch(text: string): ArchElement {
  const root: ArchElement = { tag: '#root', attributes: {}, children: [] };
  const stack: ArchElement[] = [root];
  const body = text.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    if (/[<>]/.test(body.slice(last, match.index))) throw new ArchSyntaxError(`malformed markup near offset ${last}`);
    last = tag.lastIndex;
    const [, closing, name, attributeText, selfClosing] = match;
    const parent = stack[stack.length - 1];
    if (closing) {
      if (parent.tag !== name) throw new ArchSyntaxError(`Opening and ending tag mismatch: ${parent.tag} and ${name}`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of attributeText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[attribute[1]] = attribute[2] ?? attribute[3] ?? '';
    }
    const element: ArchElement = { tag: name, attributes, children: [] };
    parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (/[<>]/.test(body.slice(last))) throw new ArchSyntaxError('malformed markup at the end');
  if (stack.length !== 1) throw new ArchSyntaxError(`Premature end of data in tag ${stack[stack.length - 1].tag}`);
  if (root.children.length !== 1) throw new ArchSyntaxError('Extra content at the end of the document');
  return root.children[0];
}

export function* walk(element: ArchElement): Generator<ArchElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

/** Whether a simple XPath (`//tag`, `//tag[@attr='value']`, `/form/sheet`…) finds something in `arch`. */
export function locate(arch: ArchElement, expression: string): boolean {
  const steps = [...expression.matchAll(/(\/\/?)([^/]+)/g)];
  if (steps.length === 0 || steps.map((step) => step[0]).join('') !== expression.trim()) return true;
  let current: ArchElement[] = [{ tag: '#root', attributes: {}, children: [arch] }];
  for (const step of steps) {
    const match = /^([\w:*.-]+)(?:\[@([\w:.-]+)=['"]([^'"]*)['"]\])?(?:\[\d+\])?$/.exec(step[2]);
    if (!match) return true; // An XPath the emulator cannot evaluate is accepted rather than refused.
    const axis = step[1];
    const [, name, attribute, value] = match;
    const candidates = current.flatMap((element) => (axis === '//' ? [...walk(element)].slice(1) : element.children));
    current = candidates.filter((element) => (name === '*' || element.tag === name) && (!attribute || element.attributes[attribute] === value));
    if (current.length === 0) return false;
  }
  return current.length > 0;
}
