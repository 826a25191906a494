import { invalid } from '../../scheduler/errors';
import type { CollectionInput } from '../../scheduler/model-collections';
import type { CloudServiceInput } from '../../scheduler/account-service';
import { PLANS } from '../../scheduler/model-collections';
import type { MaxRecurrence } from '../../scheduler/model-collections';
import { wire } from './pipeline';
import { child, parseXml, text, type XmlNode } from './xml';

const FREQUENCIES = ['Minute', 'Hour', 'Day', 'Week', 'Month', 'Year'] as const;

/** The document's root element, by name (any namespace); malformed → 400 InvalidXmlRequest. */
export function rootOf(body: Buffer, name: string): XmlNode {
  const doc = parseXml(body.toString('utf8'));
  if (!doc) throw wire('InvalidXmlRequest', "The request body's XML was invalid or not correctly specified.");
  const root = child(doc, name);
  if (root === '') return {};
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    throw wire('InvalidXmlRequest', `The request body must be a <${name}> element.`);
  return root as XmlNode;
}

const caseless = <T extends string>(values: readonly T[], v: string, what: string): T => {
  const found = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
  if (!found) throw invalid(`${what} '${v}' is not one of ${values.join(', ')}.`);
  return found;
};

const positive = (v: string, what: string): number => {
  if (!/^\s*\d{1,9}\s*$/.test(v) || Number(v) < 1) throw invalid(`${what} must be a positive integer.`);
  return Number(v);
};

/** docs/classic-scheduler.md#b2. */
export function cloudServiceInput(body: Buffer): CloudServiceInput {
  const root = rootOf(body, 'CloudService');
  const label = text(root, 'Label');
  const description = text(root, 'Description');
  const geoRegion = text(root, 'GeoRegion');
  const email = text(root, 'Email');
  if (!label) throw invalid('Label is required.');
  if (description === undefined) throw invalid('Description is required.');
  if (!geoRegion) throw invalid('GeoRegion is required.');
  return { label, description, geoRegion, ...(email && { email }) };
}

function maxRecurrenceOf(node: unknown): MaxRecurrence | undefined {
  if (node === undefined || node === '') return undefined;
  const frequency = text(node, 'Frequency');
  const interval = text(node, 'Interval');
  if (!frequency || !interval) throw invalid('MaxRecurrence needs Frequency and Interval.');
  return {
    frequency: caseless(FREQUENCIES, frequency, 'Frequency'),
    interval: positive(interval, 'Interval'),
  };
}

/** docs/classic-scheduler.md#b3: every element optional; the body's ETag is ignored. */
export function collectionInput(body: Buffer): CollectionInput & { hasETag: boolean } {
  const root = body.length === 0 ? {} : rootOf(body, 'Resource');
  const out: CollectionInput & { hasETag: boolean } = { hasETag: child(root, 'ETag') !== undefined };
  const schemaVersion = text(root, 'SchemaVersion');
  if (schemaVersion) out.schemaVersion = schemaVersion;
  const label = text(root, 'Label');
  if (label) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(label) || label.length % 4 !== 0)
      throw invalid('Label must be base64.');
    out.label = Buffer.from(label, 'base64').toString('utf8');
  }
  const state = text(root, 'State');
  if (state) out.state = caseless(['Started', 'Stopped'] as const, state, 'State');
  const settings = child(root, 'IntrinsicSettings');
  const plan = text(settings, 'Plan');
  if (plan) out.plan = caseless(PLANS, plan, 'Plan');
  const quota = child(settings, 'Quota');
  const maxJobCount = text(quota, 'MaxJobCount');
  if (maxJobCount) out.maxJobCount = positive(maxJobCount, 'MaxJobCount');
  const maxJobOccurrence = text(quota, 'MaxJobOccurrence');
  if (maxJobOccurrence) out.maxJobOccurrence = positive(maxJobOccurrence, 'MaxJobOccurrence');
  const maxRecurrence = maxRecurrenceOf(child(quota, 'MaxRecurrence'));
  if (maxRecurrence) out.maxRecurrence = maxRecurrence;
  return out;
}
