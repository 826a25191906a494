import type { CloudService, JobCollection, OperationRecord } from '../../scheduler/model-collections';
import { providerProperties } from '../../scheduler/plans';
import { xmlDocument, type XmlEl } from './xml';

const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function quotaEls(c: JobCollection): XmlEl[] {
  const q = c.quota;
  return [
    ['MaxJobCount', q.maxJobCount],
    ...(q.maxJobOccurrence !== undefined ? [['MaxJobOccurrence', q.maxJobOccurrence] as XmlEl] : []),
    [
      'MaxRecurrence',
      [
        ['Frequency', q.maxRecurrence.frequency],
        ['Interval', q.maxRecurrence.interval],
      ],
    ],
  ];
}

/** docs/classic-scheduler.md#b3 Get: the effective plan and quota, always. */
export const collectionXml = (c: JobCollection, geoRegion: string): string =>
  xmlDocument([
    'Resource',
    [
      ['CloudServiceSettings', [['GeoRegion', geoRegion]]],
      ['ETag', c.etag],
      [
        'IntrinsicSettings',
        [
          ['Plan', c.plan],
          ['Quota', quotaEls(c)],
        ],
      ],
      ['Label', base64(c.label)],
      ['Name', c.name],
      [
        'OperationStatus',
        [
          [
            'Error',
            [
              ['HttpCode', 200],
              ['Message', 'OK'],
            ],
          ],
          ['Result', 'Succeeded'],
        ],
      ],
      ['OutputItems'],
      ['PromotionCode'],
      ['SchemaVersion', c.schemaVersion],
      ['State', c.state],
      ['SubState'],
      ['Type', 'JobCollections'],
    ],
  ]);

const operationStatus = (c: JobCollection): XmlEl => [
  'OperationStatus',
  [
    ['Type', c.lastOperation],
    ['Result', 'Succeeded'],
  ],
];

/** A collection inside a cloud service (docs/classic-scheduler.md#b2): `Type` must contain `JobCollection`. */
function resourceOfGet(c: JobCollection): XmlEl {
  return [
    'Resource',
    [
      ['ResourceProviderNamespace', 'scheduler'],
      ['Type', 'JobCollections'],
      ['Name', c.name],
      ['SchemaVersion', c.schemaVersion],
      ['ETag', c.etag],
      ['State', c.state],
      ['SubState'],
      ['Label', base64(c.label)],
      ['Plan', c.plan],
      ['OutputItems'],
      operationStatus(c),
    ],
  ];
}

function resourceOfList(c: JobCollection): XmlEl {
  return [
    'Resource',
    [
      ['ResourceProviderNamespace', 'scheduler'],
      ['Type', 'JobCollections'],
      ['Name', c.name],
      ['Plan', c.plan],
      ['SchemaVersion', c.schemaVersion],
      ['ETag', c.etag],
      ['State', c.state],
      ['UsageMeters'],
      ['OutputItems'],
      operationStatus(c),
    ],
  ];
}

export const cloudServiceXml = (s: CloudService, collections: JobCollection[]): string =>
  xmlDocument([
    'CloudService',
    [
      ['Name', s.name],
      ['Label', s.label],
      ['Description', s.description],
      ['GeoRegion', s.geoRegion],
      ['GeoLocation', s.geoRegion],
      ['Resources', collections.map(resourceOfGet)],
    ],
  ]);

export const cloudServicesXml = (all: { service: CloudService; collections: JobCollection[] }[]): string =>
  xmlDocument([
    'CloudServices',
    all.map(({ service: s, collections }): XmlEl => [
      'CloudService',
      [
        ['Name', s.name],
        ['Label', s.label],
        ['Description', s.description],
        ['GeoRegion', s.geoRegion],
        ['Resources', collections.map(resourceOfList)],
      ],
    ]),
  ]);

export const providerPropertiesXml = (regions: readonly string[]): string =>
  xmlDocument([
    'ResourceProviderProperties',
    providerProperties(regions).map(([k, v]): XmlEl => [
      'ResourceProviderProperty',
      [
        ['Key', k],
        ['Value', v],
      ],
    ]),
  ]);

/** `IsAvailable` in lowercase: Node compares it with 'true' (docs/classic-scheduler.md#b3). */
export const nameAvailabilityXml = (available: boolean): string =>
  xmlDocument(['ResourceNameAvailabilityResponse', [['IsAvailable', available ? 'true' : 'false']]]);

export const operationXml = (op: OperationRecord): string =>
  xmlDocument([
    'Operation',
    [
      ['ID', op.id],
      ['Status', op.status],
      ...(op.status !== 'InProgress' ? [['HttpStatusCode', op.httpStatusCode] as XmlEl] : []),
      ...(op.status === 'Failed' && op.error
        ? [
            [
              'Error',
              [
                ['Code', op.error.code],
                ['Message', op.error.message],
              ],
            ] as XmlEl,
          ]
        : []),
    ],
  ]);
