import { z } from 'zod';
import { lazySchema } from './common.schema';
import { odataEntity, odataFeed, odataItem } from './odata-wire.schema';

/**
 * Locations and storage accounts as the customer API answers them (docs/contract/import-export.md#a11), for the OpenAPI
 * document. A location's served storage regions stay off the wire.
 */
const locationShape = () => ({
  Name: z.string(),
  RecipientName: z.string(),
  StreetAddress1: z.string(),
  StreetAddress2: z.string().describe('Empty when there is none.'),
  City: z.string(),
  StateOrProvince: z.string(),
  PostalCode: z.string(),
  CountryOrRegion: z.string(),
  SupportedCarriers: z.array(z.string()),
});

export const locationEntitySchema = lazySchema(() =>
  odataEntity('Locations', 'Location', locationShape()).meta({
    id: 'Location',
    description: 'A datacenter that receives drives, as Get Location answers it.',
  }),
);

export const locationFeedSchema = lazySchema(() =>
  odataFeed(
    'Locations',
    odataItem('Location', locationShape()).meta({
      id: 'LocationListItem',
      description: 'A location in a list.',
    }),
  ).meta({ id: 'LocationList', description: 'The locations, or the one serving `originlocation`.' }),
);

export const storageAccountFeedSchema = lazySchema(() =>
  odataFeed(
    'StorageAccounts',
    odataItem('StorageAccount', { Name: z.string() }).meta({
      id: 'StorageAccount',
      description: 'A storage account with at least one job in the subscription.',
    }),
  ).meta({ id: 'StorageAccountList', description: "The subscription's storage accounts that have jobs." }),
);
