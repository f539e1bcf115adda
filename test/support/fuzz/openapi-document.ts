/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

interface Document {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, with `$ref`s and `allOf`s resolved into plain schemas. */
export function operationsOf(document: Document): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined, depth = 0): Schema | undefined => {
    if (!schema || depth > 20) {
      return schema;
    }
    if (schema.$ref) {
      const { $ref, ...rest } = schema;
      return resolve({ ...schemas[$ref.replace('#/components/schemas/', '')], ...rest }, depth + 1);
    }
    if (schema.allOf) {
      const { allOf, ...rest } = schema;
      const merged = allOf.map((s) => resolve(s, depth + 1) ?? {});
      return resolve(Object.assign({}, ...merged, rest) as Schema, depth + 1);
    }
    const out: Schema = { ...schema };
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1) ?? {}]),
      );
    }
    if (schema.items) {
      out.items = resolve(schema.items, depth + 1);
    }
    return out;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const content = (
          operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined
        )?.content;
        return {
          method,
          path,
          parameters: (operation.parameters as Parameter[] | undefined) ?? [],
          body: resolve(content?.['application/json']?.schema),
        };
      }),
  );
}
