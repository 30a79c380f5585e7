import type { LightMyRequestResponse } from 'fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { Browser } from './harness.ts';

// ajv-formats is CommonJS with a default export: Node hands the module object to ESM.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

type Json = Record<string, unknown>;

interface MediaType {
  schema?: Json;
}
interface ResponseSpec {
  description: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseSpec>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: Json;
}

/**
 * OpenAPI 3.0's schema dialect to JSON Schema draft 7 (what ajv reads): `nullable`, boolean
 * `exclusiveMinimum`/`exclusiveMaximum`, and `$ref`s into the document's components.
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const schema: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') schema.$ref = `doc${child}`;
    else if (key === 'properties' || key === 'patternProperties') {
      schema[key] = Object.fromEntries(
        Object.entries(child as Json).map(([name, sub]) => [name, toJsonSchema(sub)]),
      );
    } else schema[key] = toJsonSchema(child);
  }
  for (const bound of ['Minimum', 'Maximum'] as const) {
    const exclusive = `exclusive${bound}`;
    const limit = bound.toLowerCase();
    if (schema[exclusive] === true) {
      schema[exclusive] = schema[limit];
      delete schema[limit];
    } else if (schema[exclusive] === false) delete schema[exclusive];
  }
  if (schema.nullable === true) {
    delete schema.nullable;
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    else if (!schema.enum) return { anyOf: [schema, { type: 'null' }] };
  }
  delete schema.example;
  return schema;
}

/** `/api/people/{id}` → a regular expression matching its URLs. */
const pathPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/**
 * Checks answers of the running app against the document: the status must be documented for
 * the operation, the content type one it documents, and the body valid against its schema.
 * Remembers which operations and statuses were seen.
 */
export class ContractChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; pattern: RegExp; params: number }>;
  readonly seen = new Map<string, Set<string>>();

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'doc', components: toJsonSchema(doc.components) });
    this.templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: pathPattern(template),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // Fastify matches a static segment before a parameter: fewest parameters first.
      .sort((a, b) => a.params - b.params);
  }

  /** The documented operation a request reaches, as `METHOD /path/{template}`. */
  operationOf(method: string, url: string) {
    const path = url.split('?')[0];
    const found = this.templates.find(
      ({ template, pattern }) =>
        pattern.test(path) && this.doc.paths[template][method.toLowerCase()],
    );
    if (!found) throw new Error(`${method} ${path} is not in the OpenAPI document`);
    return { key: `${method.toUpperCase()} ${found.template}`, template: found.template };
  }

  /** Throws with what differs when the answer is not what the document says. */
  check(method: string, url: string, response: LightMyRequestResponse) {
    const { key, template } = this.operationOf(method, url);
    const status = String(response.statusCode);
    const spec = this.doc.paths[template][method.toLowerCase()].responses[status];
    const where = `${key} answered ${status}`;
    if (!spec) throw new Error(`${where}, which is not documented: ${response.body.slice(0, 300)}`);
    if (!this.seen.has(key)) this.seen.set(key, new Set());
    this.seen.get(key)!.add(status);
    if (!spec.content) {
      if (response.body !== '') throw new Error(`${where} with a body it does not document`);
      return;
    }
    const type = String(response.headers['content-type'] ?? '').split(';')[0];
    const media = spec.content[type];
    if (!media) {
      throw new Error(`${where} as ${type}; documented: ${Object.keys(spec.content).join(', ')}`);
    }
    const body: unknown = type.includes('json') ? JSON.parse(response.body) : response.body;
    const id = `${key} ${status} ${type}`;
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile((toJsonSchema(media.schema ?? {}) as Json) ?? {});
      this.validators.set(id, validate);
    }
    if (!validate(body)) {
      const errors = this.ajv.errorsText(validate.errors, { separator: '\n  ' });
      throw new Error(`${where}, not as documented:\n  ${errors}\n${response.body.slice(0, 500)}`);
    }
  }

  /** The documented operations no checked answer reached. */
  unseen() {
    return Object.entries(this.doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => `${method.toUpperCase()} ${path}`)
        .filter((key) => !this.seen.has(key)),
    );
  }
}

/** A browser whose every answer is checked against the document. */
export class CheckedBrowser extends Browser {
  constructor(
    app: ConstructorParameters<typeof Browser>[0],
    private readonly contract: ContractChecker,
    ip?: string,
  ) {
    super(app, ip);
  }

  override async request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await super.request(method, url, body, headers);
    this.contract.check(method, url, response);
    return response;
  }
}
