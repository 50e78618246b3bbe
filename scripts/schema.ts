/** `npm run schema [file]`: writes the model's JSON Schema (src/model/json-schema.ts). */
import { SCHEMA_FILE, writeModelJsonSchema } from '../src/model/json-schema.ts';

const file = writeModelJsonSchema(process.argv[2] ?? SCHEMA_FILE);
process.stdout.write(`wrote ${file}\n`);
