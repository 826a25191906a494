/** Opens a client-certificate PFX (docs/classic-scheduler.md#c4); undefined when it won't open. */
export type PfxReader = (
  pfxBase64: string,
  password: string,
) => { thumbprint: string; expiration: string; subjectName: string } | undefined;
