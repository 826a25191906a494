/** docs/classic-scheduler.md#a1: names of cloud services, collections and jobs. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const isValidName = (name: string): boolean => NAME.test(name);

/** Names are case-insensitive: stores key on this. */
export const nameKey = (name: string): string => name.toUpperCase();
