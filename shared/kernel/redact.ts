/**
 * Scrubs secrets from text bound for a log (docs/contract/import-export.md#d2): account keys, SAS signatures, connection
 * string keys, BitLocker recovery passwords and operator keys. Logs are written through this only.
 */
const PATTERNS: readonly [RegExp, string][] = [
  [/(AccountKey=)[^;\s"']+/gi, '$1[redacted]'],
  [/([?&]sig=)[^&\s"']+/gi, '$1[redacted]'],
  [
    /("?(?:StorageAccountKey|ContainerSas|BitLockerKey|Key|Token|x-operator-key)"?\s*[:=]\s*"?)[^",}\s]+/gi,
    '$1[redacted]',
  ],
  [/\b[A-Za-z0-9+/]{86}==/g, '[redacted-key]'],
  [/\b\d{6}(?:-\d{6}){7}\b/g, '[redacted-bitlocker-key]'],
];

export function redact(text: string): string {
  return PATTERNS.reduce((t, [re, by]) => t.replace(re, by), text);
}
