import { MAX_BODY_DEPTH, parseJsonBody } from '../../shared/edge/body';
import { ProgressBodySchema } from '../../shared/surfaces/operator/wire/operator.schema';
import { UpdateJobBodySchema } from '../../shared/surfaces/classic-import-export/wire/update-job.schema';

/** Regressions the bad-input fuzzer found in the JSON body parser (docs/contract/import-export.md#a4, #d5). */
const parse = (text: string, schema: Parameters<typeof parseJsonBody>[1] = UpdateJobBodySchema) =>
  parseJsonBody(Buffer.from(text), schema);

describe('a JSON body', () => {
  it('nested 200,000 deep is 400 InvalidRequestBody, not a stack overflow (a 500)', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const text of [
      deep,
      `{"Properties":${deep}}`,
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    ]) {
      expect(() => parse(text, ProgressBodySchema)).toThrow(
        expect.objectContaining({ code: 'InvalidRequestBody' }),
      );
    }
  });

  it(`nested up to ${MAX_BODY_DEPTH} levels is read as usual`, () => {
    const text = `{"Properties":{"Description":"x","Metadata@odata.type":${'['.repeat(MAX_BODY_DEPTH - 2)}${']'.repeat(MAX_BODY_DEPTH - 2)}}}`;
    expect(parse(text)).toEqual({ Properties: { Description: 'x' } });
  });

  it('with a member named __proto__ refuses it as an unknown property, instead of reading through it', () => {
    for (const [text, where] of [
      // Properties is missing: the member __proto__ was not read as the object's prototype.
      ['{"__proto__":{"Properties":{"Description":"x"}}}', 'Properties'],
      ['{"__proto__":1,"Properties":{"Description":"x"}}', '__proto__'],
      ['{"Properties":{"__proto__":{"Description":"y"}}}', 'Properties.__proto__'],
    ]) {
      expect(() => parse(text!)).toThrow(
        expect.objectContaining({ code: 'InvalidRequestBody', detail: where }),
      );
    }
  });

  it('with members named constructor or toString refuses them too', () => {
    expect(() => parse('{"constructor":{},"Properties":{}}')).toThrow(
      expect.objectContaining({ detail: 'constructor' }),
    );
    expect(() => parse('{"Properties":{"toString":"x"}}')).toThrow(
      expect.objectContaining({ detail: 'Properties.toString' }),
    );
  });
});
