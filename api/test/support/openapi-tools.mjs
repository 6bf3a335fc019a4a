// The tools other people run on the OpenAPI document, run here in a child process of the API test
// (openapi.api-spec.ts): swagger-parser and openapi-typescript are ES modules, which Jest cannot load.
//   node openapi-tools.mjs validate <document.json>            prints "valid" or what is wrong
//   node openapi-tools.mjs typescript <document.json> <out.ts>  writes the typed client's types
import { readFileSync, writeFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';

const [command, input, output] = process.argv.slice(2);
const document = JSON.parse(readFileSync(input, 'utf8'));
if (command === 'validate') {
  try {
    await SwaggerParser.validate(document);
    process.stdout.write('valid');
  } catch (error) {
    process.stdout.write(String(error.message));
  }
} else if (command === 'typescript') {
  writeFileSync(output, astToString(await openapiTS(document)));
} else {
  process.stderr.write(`Unknown command ${command}\n`);
  process.exit(2);
}
