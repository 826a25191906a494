import { z } from 'zod';
import { PackageSchema, ReturnAddressSchema, ReturnShippingSchema } from '../../../import-export/model/model';
import { coded } from './common.schema';

/**
 * The Update Job Properties body (docs/contract/import-export.md#a7), annotations already removed. Strict: any property
 * the table of A.7 does not name is 400 InvalidRequestBody. `State` and `CancelRequested` take
 * one value each, and anything else carries its own code.
 */
export const UpdateJobBodySchema = z
  .strictObject({
    Name: z.string().optional(),
    Properties: z.strictObject({
      FriendlyName: z.string().max(256).optional(),
      Description: z.string().max(1024).optional(),
      Metadata: z.string().max(1024).optional(),
      State: z
        .unknown()
        .refine((v) => v === 'Shipping', coded('InvalidStateValue', 'State can only be set to Shipping.'))
        .transform(() => 'Shipping' as const)
        .meta({
          const: 'Shipping',
          description: 'Only while Creating, with ReturnAddress and DeliveryPackage set.',
        })
        .optional(),
      CancelRequested: z
        .unknown()
        .refine(
          (v) => v === true,
          coded('InvalidCancelRequestedValue', 'CancelRequested can only be set to true.'),
        )
        .transform(() => true as const)
        .meta({ const: true, description: 'While Creating, Shipping, Received or Transferring.' })
        .optional(),
      ReturnAddress: ReturnAddressSchema.optional(),
      ReturnShipping: ReturnShippingSchema.optional(),
      DeliveryPackage: PackageSchema.optional(),
      EnableVerboseLog: z.boolean().optional(),
      BackupDriveManifest: z.boolean().optional(),
    }),
  })
  .meta({
    id: 'UpdateJobBody',
    description:
      'Update Job Properties (docs/contract/import-export.md#a7): the properties to change, each only in the job states docs/contract/import-export.md#a7 allows it (else 409 InvalidJobState, nothing changed). Annotations are accepted and ignored; any other property is 400.',
  });
