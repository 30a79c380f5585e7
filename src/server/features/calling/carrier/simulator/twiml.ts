/**
 * Reads TwiML as Twilio would, for the verbs the simulator acts on (Play, Say, Pause, Gather,
 * Hangup). A small XML reader for that subset: elements, attributes, text, entities.
 */

export interface TwimlElement {
  name: string;
  attributes: Record<string, string>;
  children: TwimlElement[];
  /** The element's own text (a Play's URL, a Say's words), entities decoded and trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

const TOKEN =
  /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document's root element (Twilio's is <Response>); throws on anything malformed. */
export function parseTwiml(xml: string): TwimlElement {
  const root: TwimlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: TwimlElement[] = [root];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const token = TOKEN.exec(xml);
    if (!token) throw new Error(`Malformed TwiML at ${at}: ${xml.slice(at, at + 40)}`);
    const [, closing, name, attributeText, selfClosing, text] = token;
    const current = open[open.length - 1];
    if (text !== undefined) {
      current.text += decode(text);
    } else if (name === undefined) {
      continue; // declaration or comment
    } else if (closing) {
      if (current.name !== name)
        throw new Error(`Malformed TwiML: </${name}> closes <${current.name}>`);
      current.text = current.text.trim();
      open.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, double, single] of (attributeText ?? '').matchAll(ATTRIBUTE)) {
        attributes[key] = decode(double ?? single ?? '');
      }
      const element: TwimlElement = { name, attributes, children: [], text: '' };
      current.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (open.length !== 1)
    throw new Error(`Malformed TwiML: <${open[open.length - 1].name}> is not closed`);
  const [response] = root.children;
  if (!response || root.children.length !== 1) throw new Error('TwiML needs one root element');
  return response;
}
