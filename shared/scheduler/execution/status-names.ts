/**
 * .NET `HttpStatusCode` names, which history messages carry (docs/classic-scheduler.md#d8), for
 * the codes whose name is not just the reason phrase in PascalCase.
 */
const DOTNET: Readonly<Record<number, string>> = {
  200: 'OK',
  203: 'NonAuthoritativeInformation',
  300: 'Ambiguous',
  301: 'Moved',
  302: 'Found',
  303: 'RedirectMethod',
  307: 'TemporaryRedirect',
  413: 'RequestEntityTooLarge',
  414: 'RequestUriTooLong',
  416: 'RequestedRangeNotSatisfiable',
  505: 'HttpVersionNotSupported',
};

/** The standard reason phrases (RFC 9110 and its registry) for everything else. */
const PHRASES: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  304: 'Not Modified',
  305: 'Use Proxy',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

/** `OK`, `InternalServerError`, `TooManyRequests`; the bare number for a code with no phrase. */
export function statusName(status: number): string {
  const named = DOTNET[status];
  if (named) return named;
  const phrase = PHRASES[status];
  return phrase
    ? phrase.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())
    : String(status);
}
