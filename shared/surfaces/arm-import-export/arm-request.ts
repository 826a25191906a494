import { GUID, isJobName } from '../../import-export/model/names';
import { ArmError } from './arm-errors';

/** docs/arm-import-export.md#b1 */
const ARM_API_VERSIONS = ['2016-11-01', '2020-08-01', '2021-01-01'] as const;
export type ArmApiVersion = (typeof ARM_API_VERSIONS)[number];

const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/u;

/**
 * The query with keys lower-cased (docs/arm-import-export.md#b2): a repeated key is fine when its
 * values agree (the Python client re-appends them to nextLinks), else 400 naming the key.
 */
export function normalisedQuery(params: URLSearchParams): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of params) {
    const k = key.toLowerCase();
    const seen = out.get(k);
    if (seen !== undefined && seen !== value) {
      const code = k === 'api-version' ? 'InvalidApiVersionParameter' : 'InvalidQueryParameterValue';
      throw new ArmError(code, `The query parameter '${key}' is given twice with different values.`, key);
    }
    out.set(k, value);
  }
  return out;
}

export function checkApiVersion(query: Map<string, string>): ArmApiVersion {
  const v = query.get('api-version');
  if (v === undefined) {
    throw new ArmError(
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
      'api-version',
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(v)) {
    throw new ArmError(
      'InvalidApiVersionParameter',
      `The api-version '${v}' is invalid. The supported versions are '${ARM_API_VERSIONS.join(', ')}'.`,
      'api-version',
    );
  }
  const known = ARM_API_VERSIONS.find((a) => a === v);
  if (!known) {
    throw new ArmError(
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'global' and API version '${v}' for type 'jobs'. The supported api-versions are '${ARM_API_VERSIONS.join(', ')}'.`,
      'api-version',
    );
  }
  return known;
}

/** Lower-case, as the store keys on it. */
export function checkSubscription(sub: string): string {
  if (!GUID.test(sub)) {
    throw new ArmError(
      'InvalidSubscriptionId',
      `The provided subscription identifier '${sub}' is malformed or invalid.`,
    );
  }
  return sub.toLowerCase();
}

export function checkResourceGroup(rg: string): string {
  if (!RESOURCE_GROUP.test(rg)) {
    throw new ArmError(
      'InvalidResourceGroupName',
      `Resource group '${rg}' is invalid: 1 to 90 letters, digits, '_', '-', '.', '(' and ')', not ending in '.'.`,
    );
  }
  return rg;
}

export function checkJobName(name: string): string {
  if (!isJobName(name)) {
    throw new ArmError(
      'InvalidJobName',
      `The job name '${name}' is invalid: 2 to 64 letters, digits, '_' and '-', starting with a letter.`,
    );
  }
  return name;
}
