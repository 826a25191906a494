/**
 * A BitLocker recovery password for an export drive (docs/contract/import-export.md#b, Receive): 8 groups of 6 digits, each
 * group a 16-bit random value times 11, as BitLocker makes them (so every group is a multiple of 11
 * below 720896). `randomInt(n)` must be a cryptographic source of integers in [0, n).
 */
export function recoveryPassword(randomInt: (max: number) => number): string {
  return Array.from({ length: 8 }, () => String(randomInt(0x10000) * 11).padStart(6, '0')).join('-');
}
