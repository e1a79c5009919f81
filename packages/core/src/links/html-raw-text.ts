// The HTML tokenizer's script-data states: inside `<!--` a `<script>` opens a nested
// ("double-escaped") region in which `</script>` does not end the element.
const DATA = 0;
const LT = 1;
const ESCAPE_START = 2;
const ESCAPE_START_DASH = 3;
const ESCAPED = 4;
const ESCAPED_DASH = 5;
const ESCAPED_DASH_DASH = 6;
const ESCAPED_LT = 7;
const DOUBLE = 8;
const DOUBLE_DASH = 9;
const DOUBLE_DASH_DASH = 10;
const DOUBLE_LT = 11;

const LESS = 60;
const DASH = 45;
const SLASH = 47;
const BANG = 33;
const GT = 62;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const endsName = (c: number) => isSpace(c) || c === SLASH || c === GT;

/**
 * Where the content of a `<script>` whose start tag ended at `from` stops: the index of its
 * `</script` end tag, or -1 when it runs to the end of the text.
 */
export function skipScriptData(html: string, from: number): number {
  const end = rawTextEnd(html, from, "script");
  if (end < 0) return -1;
  // Without `<!--` before it, the first `</script` ends the script.
  for (let i = from; i < end; i++) {
    if (html.charCodeAt(i) === LESS && html.startsWith("!--", i + 1)) return escapedScriptEnd(html, i + 4);
  }
  return end;
}

/** Runs the script-data states from just after a `<!--`. */
function escapedScriptEnd(html: string, start: number): number {
  const n = html.length;
  let state = ESCAPED_DASH_DASH;
  let i = start;
  while (i < n) {
    const c = html.charCodeAt(i);
    switch (state) {
      case DATA:
        if (c === LESS) state = LT;
        i++;
        break;
      case LT:
        if (c === SLASH) {
          if (isEndTagOf(html, i - 1, "script")) return i - 1;
          state = DATA;
          i++;
        } else if (c === BANG) {
          state = ESCAPE_START;
          i++;
        } else state = DATA;
        break;
      case ESCAPE_START:
      case ESCAPE_START_DASH:
        if (c === DASH) {
          state = state === ESCAPE_START ? ESCAPE_START_DASH : ESCAPED_DASH_DASH;
          i++;
        } else state = DATA;
        break;
      case ESCAPED:
      case ESCAPED_DASH:
      case ESCAPED_DASH_DASH:
        if (c === DASH) state = state === ESCAPED ? ESCAPED_DASH : ESCAPED_DASH_DASH;
        else if (c === LESS) state = ESCAPED_LT;
        else if (c === GT && state === ESCAPED_DASH_DASH) state = DATA;
        else state = ESCAPED;
        i++;
        break;
      case ESCAPED_LT:
        if (c === SLASH) {
          if (isEndTagOf(html, i - 1, "script")) return i - 1;
          state = ESCAPED;
          i++;
        } else if (isAlpha(c)) {
          const after = scriptWordEnd(html, i);
          if (after < 0) return -1;
          if (after > i) {
            state = DOUBLE;
            i = after;
          } else {
            state = ESCAPED;
            i = skipLetters(html, i);
          }
        } else state = ESCAPED;
        break;
      case DOUBLE:
      case DOUBLE_DASH:
      case DOUBLE_DASH_DASH:
        if (c === DASH) state = state === DOUBLE ? DOUBLE_DASH : DOUBLE_DASH_DASH;
        else if (c === LESS) state = DOUBLE_LT;
        else if (c === GT && state === DOUBLE_DASH_DASH) state = DATA;
        else state = DOUBLE;
        i++;
        break;
      default:
        // DOUBLE_LT: `</script` + a name end leaves the nested region.
        if (c === SLASH) {
          i++;
          if (i < n && isAlpha(html.charCodeAt(i))) {
            const after = scriptWordEnd(html, i);
            if (after < 0) return -1;
            if (after > i) {
              state = ESCAPED;
              i = after;
              break;
            }
            i = skipLetters(html, i);
          }
        }
        state = DOUBLE;
    }
  }
  return -1;
}

/**
 * At the first letter of a word: past the word and the character ending it when the word is
 * `script` and a name-ending character follows; `at` when not; -1 when the text ends first.
 */
function scriptWordEnd(html: string, at: number): number {
  const end = skipLetters(html, at);
  if (end >= html.length) return -1;
  if (end - at !== 6 || !endsName(html.charCodeAt(end))) return at;
  return html.slice(at, end).toLowerCase() === "script" ? end + 1 : at;
}

function skipLetters(html: string, at: number): number {
  let i = at;
  while (i < html.length && isAlpha(html.charCodeAt(i))) i++;
  return i;
}

/**
 * Where the raw text of `<name>` started at `from` ends: at `</name` followed by whitespace,
 * `/` or `>` (any case). -1 when it runs to the end of the text.
 */
export function rawTextEnd(html: string, from: number, name: string): number {
  let i = html.indexOf("</", from);
  while (i >= 0) {
    if (isEndTagOf(html, i, name)) return i;
    i = html.indexOf("</", i + 2);
  }
  return -1;
}

/** `</name` at `i`, followed by a character that ends a tag name. */
export function isEndTagOf(html: string, i: number, name: string): boolean {
  const after = i + 2 + name.length;
  if (after >= html.length) return false;
  for (let k = 0; k < name.length; k++) {
    if ((html.charCodeAt(i + 2 + k) | 0x20) !== name.charCodeAt(k)) return false;
  }
  return endsName(html.charCodeAt(after));
}
