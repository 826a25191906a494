/** Where a JSON text stops being JSON, and what was expected there. */
interface JsonSyntaxError {
  /** 1-based line and column (in characters) of the first character that is wrong. */
  line: number;
  column: number;
  expected: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Finds the first syntax error of a text JSON.parse refused: V8's own message gives no position
 * for some errors and quotes the input for others, which an error body must not echo back.
 * A plain scanner of RFC 8259; undefined when it finds nothing wrong (or the text nests too deep
 * to scan), so the caller falls back to a message without a position.
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string, what: string) => {
    if (text[i] !== c) throw new Stop(i, what);
    i++;
  };
  const string = () => {
    expect('"', 'a double-quoted string');
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Stop(i, 'the closing " of the string');
      if (c === '"') return void i++;
      if (c < ' ') throw new Stop(i, 'no control character in a string (escape it)');
      if (c === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text))
          throw new Stop(i, 'a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)');
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Stop(i, 'a property name in double quotes');
        string();
        ws();
        expect(':', "':' after the property name");
        value();
        ws();
        if (text[i] === '}') return void i++;
        expect(',', "',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ']') return void i++;
        expect(',', "',' or ']'");
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    throw new Stop(i, c === undefined ? 'a value (the text ended)' : 'a value');
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, 'the end of the text after the value');
    return undefined;
  } catch (err) {
    if (!(err instanceof Stop)) return undefined;
    const before = text.slice(0, err.at);
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    return { line, column, expected: err.expected };
  }
}
