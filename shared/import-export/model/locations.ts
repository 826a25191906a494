import { z } from 'zod';

/** A datacenter that receives drives (docs/contract/import-export.md#a11), with the storage regions it serves. */
export const LocationSchema = z.strictObject({
  Name: z.string().min(1),
  RecipientName: z.string(),
  StreetAddress1: z.string(),
  StreetAddress2: z.string(),
  City: z.string(),
  StateOrProvince: z.string(),
  PostalCode: z.string(),
  CountryOrRegion: z.string(),
  SupportedCarriers: z.array(z.string()),
  ServedRegions: z.array(z.string().min(1)).min(1),
});
export type Location = z.infer<typeof LocationSchema>;

const RECIPIENT = 'Windows Azure Import Export Service';

const site = (
  Name: string,
  [StreetAddress1, City, StateOrProvince, PostalCode, CountryOrRegion]: readonly string[],
  ServedRegions: string[],
  SupportedCarriers = ['FedEx', 'DHL'],
): Location => ({
  Name,
  RecipientName: RECIPIENT,
  StreetAddress1: StreetAddress1 ?? '',
  StreetAddress2: '',
  City: City ?? '',
  StateOrProvince: StateOrProvince ?? '',
  PostalCode: PostalCode ?? '',
  CountryOrRegion: CountryOrRegion ?? '',
  SupportedCarriers,
  ServedRegions,
});

/**
 * The default set. West US and West Europe carry the addresses of the classic documentation and
 * South Central US the one of its Get Job sample; the others are sandbox addresses. A deployment that
 * receives real drives replaces the whole set with the LOCATIONS app setting.
 */
export const DEFAULT_LOCATIONS: readonly Location[] = [
  site(
    'West US',
    ['2045 Lafayette Street', 'Santa Clara', 'CA', '95050', 'USA'],
    ['West US', 'West US 2', 'West US 3', 'West Central US'],
    ['FedEx'],
  ),
  site(
    'East US',
    ['1 Sandbox Way', 'Boydton', 'VA', '23917', 'USA'],
    ['East US', 'East US 2', 'Central US', 'North Central US'],
  ),
  site('South Central US', ['1111 First Ave', 'Any City', 'WA', '98999', 'USA'], ['South Central US']),
  site(
    'North Europe',
    ['1 Sandbox Park', 'Dublin', '', 'D24', 'Ireland'],
    ['North Europe', 'UK South', 'UK West'],
  ),
  site(
    'West Europe',
    ['Tupolevlaan 101', 'Schiphol-Rijk', '', '1119 PA', 'Netherlands (NL)'],
    ['West Europe', 'France Central', 'Germany West Central'],
  ),
  site(
    'East Asia',
    ['1 Sandbox Road', 'Hong Kong', '', '000000', 'Hong Kong SAR'],
    ['East Asia', 'Southeast Asia'],
  ),
  site('Japan East', ['1-1 Sandbox', 'Tokyo', 'Tokyo', '100-0001', 'Japan'], ['Japan East', 'Japan West']),
  site(
    'Australia East',
    ['1 Sandbox Street', 'Sydney', 'NSW', '2000', 'Australia'],
    ['Australia East', 'Australia Southeast'],
  ),
];

/** The location set, looked up case-insensitively by name or by served storage region. */
export class Locations {
  private readonly byName = new Map<string, Location>();
  private readonly byRegion = new Map<string, Location>();

  constructor(readonly all: readonly Location[]) {
    for (const location of all) {
      const key = location.Name.toLowerCase();
      if (this.byName.has(key)) throw new Error(`location "${location.Name}" is listed twice`);
      this.byName.set(key, location);
      for (const region of location.ServedRegions) {
        const r = region.toLowerCase();
        const other = this.byRegion.get(r);
        if (other)
          throw new Error(`region "${region}" is served by both "${other.Name}" and "${location.Name}"`);
        this.byRegion.set(r, location);
      }
    }
  }

  find(name: string): Location | undefined {
    return this.byName.get(name.toLowerCase());
  }

  serving(region: string): Location | undefined {
    return this.byRegion.get(region.toLowerCase());
  }
}

/** docs/contract/import-export.md#a5: the job's ShippingInformation, derived from its location. */
export const shippingInformationOf = (l: Location): { Name: string; Address: string } => ({
  Name: l.RecipientName,
  Address: [
    l.StreetAddress1,
    l.StreetAddress2,
    l.City,
    l.StateOrProvince,
    l.PostalCode,
    l.CountryOrRegion,
  ].join(';'),
});
