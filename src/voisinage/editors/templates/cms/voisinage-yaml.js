// Records as the web editor reads and writes them: YAML read the way `voisinage check` reads it
// (YAML 1.1, so `no` is false and 9:30 is a number), and written back by editing the text in
// place — only the values that changed are rewritten, so comments, quotes, flow mappings and the
// order of fields stay as the editor left them and a pull request's diff shows just the change.
// Every string written is one that YAML 1.1 reads back as that same string (quoted unless it is
// a plain id or a date), so that `no`, `9:30` or `01000` typed in a field stay text.
import * as YAML from "./yaml/index.js";

/** Key under which a record's text travels inside the editor's data, to be edited on save. */
export const SOURCE = "__voisinage_source";

const READ = {
  version: "1.1",
  // Dates stay text: Decap's date widget reads and writes "2026-11-20".
  customTags: (tags) => tags.filter((tag) => tag.tag !== "tag:yaml.org,2002:timestamp"),
  uniqueKeys: true,
  prettyErrors: true,
};

const MODELINES = {
  service: "# yaml-language-server: $schema=../../../schemas/service.schema.json",
  territory: "# yaml-language-server: $schema=../../schemas/territory.schema.json",
  mission: "# yaml-language-server: $schema=../../schemas/mission.schema.json",
  glossary: "# yaml-language-server: $schema=../schemas/glossary.schema.json",
  portal: "# yaml-language-server: $schema=../schemas/portal.schema.json",
};

/** The record's values, with its text kept for `write`. */
export function read(text) {
  const doc = YAML.parseDocument(text, READ);
  if (doc.errors.length) throw doc.errors[0];
  const data = doc.toJS() ?? {};
  if (!isObject(data)) throw new Error("expected fields like `name:` at the top of the file");
  data[SOURCE] = text;
  return data;
}

/** The text of a record holding `data`: its old text with only what changed rewritten. */
export function write(data, order = []) {
  const { [SOURCE]: source, ...rest } = data;
  const wanted = sorted(prune(rest) ?? {}, order);
  if (typeof source !== "string") return fresh(wanted);
  const doc = YAML.parseDocument(source, READ);
  if (doc.errors.length || !YAML.isMap(doc.contents)) return fresh(wanted);
  const edits = [];
  edit(source, doc.contents, doc.contents.toJSON(), wanted, edits);
  let text = source;
  for (const { start, end, by } of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    text = text.slice(0, start) + by + text.slice(end);
  }
  return text;
}

/** A new record: the modeline for its kind, then its fields in the editor's order. */
export function fresh(data) {
  const kind = kindOf(data);
  const head = kind ? `${MODELINES[kind]}\n` : "";
  return head + block(data, 0);
}

function sorted(data, order) {
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)));
}

function kindOf(data) {
  if ("assured_date" in data) return "service";
  if ("bounds" in data || "branch" in data) return "territory";
  if ("headline" in data || "period" in data) return "mission";
  if ("entries" in data) return "glossary";
  if ("themes" in data && "languages" in data) return "portal";
  return "";
}

// -- What to write --------------------------------------------------------------------------

/** Without empty values: an empty text is no text, an empty list no list (the check refuses
 * `fr: ""` and would read an empty field as nothing). */
export function prune(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (isObject(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === SOURCE) continue;
      const kept = prune(item);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

// -- Editing in place -----------------------------------------------------------------------

function edit(text, node, before, after, edits, pair = null) {
  if (same(before, after)) return;
  if (YAML.isMap(node) && isObject(after) && !node.flow && node.items.length) {
    return editMap(text, node, after, edits);
  }
  if (YAML.isSeq(node) && Array.isArray(after) && !node.flow && node.items.length) {
    return editSeq(text, node, before, after, edits);
  }
  if (YAML.isScalar(node) && !isCollection(after)) {
    const column = columnOf(text, lineStart(text, node.range[0]));
    return edits.push({ start: node.range[0], end: node.range[1],
                        by: scalarLike(node, after, column) });
  }
  replaceValue(text, node, after, edits, pair); // a flow collection, or a value of a new shape
}

function editMap(text, node, after, edits) {
  const keys = new Set(Object.keys(after));
  const first = node.items[0].key.range[0];
  const column = columnOf(text, first);
  const seen = new Set(node.items.map((pair) => String(pair.key.value)));
  for (const pair of node.items) {
    const key = String(pair.key.value);
    if (!keys.has(key)) {
      const start = pair === node.items[0] ? first : lineStart(text, pair.key.range[0]);
      const next = node.items[node.items.indexOf(pair) + 1];
      const end = pair === node.items[0] && next ? next.key.range[0] : afterLine(text, endOf(pair));
      edits.push({ start, end, by: "" });
      continue;
    }
    const value = pair.value;
    if (value === null || (YAML.isScalar(value) && value.value === null)) {
      edits.push({ start: pair.key.range[1], end: value ? value.range[1] : pair.key.range[1],
                   by: ":" + inline(after[key], column) });
      const colon = text.indexOf(":", pair.key.range[1]);
      if (!value) edits[edits.length - 1].end = colon + 1;
    } else {
      edit(text, value, value.toJSON(), after[key], edits, pair);
    }
  }
  // A new field goes after the one that comes before it in the editor's order (or after the
  // first field, when the map starts on a line of its own: "- number: …").
  const order = Object.keys(after);
  const ownLine = /^ *$/.test(text.slice(lineStart(text, first), first));
  for (const [i, key] of order.entries()) {
    if (seen.has(key)) continue;
    const previous = order.slice(0, i).reverse().find((k) => seen.has(k));
    let anchor = previous === undefined ? null
      : node.items.find((p) => String(p.key.value) === previous);
    if (!anchor && !ownLine) anchor = node.items[0];
    const at = anchor ? afterLine(text, endOf(anchor)) : lineStart(text, first);
    const line = " ".repeat(column) + plainKey(key) + ":" + inline(after[key], column) + "\n";
    edits.push({ start: at, end: at, by: at === text.length && !text.endsWith("\n")
      ? "\n" + line : line });
  }
}

function editSeq(text, node, before, after, edits) {
  const common = Math.min(before.length, after.length);
  for (let i = 0; i < common; i++) edit(text, node.items[i], before[i], after[i], edits);
  for (let i = common; i < before.length; i++) {
    const item = node.items[i];
    edits.push({ start: lineStart(text, item.range[0]), end: afterLine(text, item.range[2]),
                 by: "" });
  }
  if (after.length > before.length) {
    const last = node.items[before.length - 1];
    const dash = dashColumn(text, last.range[0]);
    const at = afterLine(text, last.range[2]);
    const out = after.slice(before.length).map((item) => seqItem(item, dash)).join("");
    edits.push({ start: at, end: at, by: at === text.length && !text.endsWith("\n")
      ? "\n" + out : out });
  }
}

function replaceValue(text, node, after, edits, pair) {
  const [start, end] = node.range;
  if (!pair || fitsFlow(after) && (node.flow || YAML.isScalar(node))) {
    edits.push({ start, end: trimEnd(text, start, end), by: flow(after) });
    return;
  }
  // The value of "key:", rewritten from the colon to the end of its last line.
  const column = columnOf(text, pair.key.range[0]);
  edits.push({ start: pair.key.range[1], end: trimEnd(text, start, end),
               by: ":" + inline(after, column) });
}

/** The end of a value without the line break and comments a block node's range takes in. */
function trimEnd(text, start, end) {
  let stop = end;
  while (stop > start && /\s/.test(text[stop - 1])) stop--;
  return stop;
}

// -- Rendering ------------------------------------------------------------------------------

/** After "key:": " value" on the same line, or a block on the lines below (no final newline). */
function inline(value, column) {
  if (isObject(value)) return "\n" + block(value, column + 2).replace(/\n$/, "");
  if (Array.isArray(value)) {
    if (value.every((item) => !isCollection(item)) && fitsFlow(value)) return " " + flow(value);
    return "\n" + value.map((item) => seqItem(item, column + 2)).join("").replace(/\n$/, "");
  }
  if (typeof value === "string" && value.includes("\n") && literalOk(value)) {
    return " " + literal(value, column + 2).replace(/\n$/, "");
  }
  return " " + scalar(value);
}

function block(data, column) {
  const indent = " ".repeat(column);
  return Object.entries(data).map(([key, value]) =>
    indent + plainKey(key) + ":" + inline(value, column) + "\n").join("");
}

function seqItem(item, dash) {
  const indent = " ".repeat(dash);
  if (isObject(item)) {
    const inner = block(item, dash + 2);
    return indent + "- " + inner.slice(dash + 2);
  }
  return indent + "-" + inline(item, dash) + "\n";
}

function flow(value) {
  if (Array.isArray(value)) return "[" + value.map(flow).join(", ") + "]";
  if (isObject(value)) {
    return "{" + Object.entries(value).map(([k, v]) => `${plainKey(k)}: ${flow(v)}`).join(", ") + "}";
  }
  return scalar(value, { flow: true });
}

function fitsFlow(value) {
  return flow(value).length <= 90 && !JSON.stringify(value).includes("\\n");
}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** A scalar where another stood: its quotes kept when they are still safe, and a date written
 * plain where a plain date stood (a text that looks like a date is quoted: it stays text). */
function scalarLike(node, value, column) {
  if (typeof value !== "string") return scalar(value);
  if (node.type === "PLAIN" && DATE.test(String(node.value)) && DATE.test(value)) return value;
  if (node.type === "BLOCK_LITERAL" && value.includes("\n") && literalOk(value)) {
    return literal(value, column + 2);
  }
  if (node.type === "QUOTE_SINGLE" && !/[\n\r\t\\]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]/u.test(value)
      && !/[\u0085\u2028\u2029\ufeff]/.test(value)) {
    return "'" + value.replaceAll("'", "''") + "'";
  }
  return scalar(value);
}

/** A value as YAML 1.1 reads it back: ids plain, every other text in double quotes (a date
 * too: the check reads "2026-11-20" as a date where it expects one, and as text elsewhere). */
export function scalar(value, { flow: inFlow = false } = {}) {
  if (value === true || value === false) return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : '""';
  const text = String(value);
  if (/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(text) && !WORDS.has(text) && !(inFlow && text.length > 40)) {
    return text;
  }
  return quoted(text);
}

const WORDS = new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);

/** Double-quoted YAML: every character YAML 1.1 would not keep as it is, escaped. */
export function quoted(text) {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (char === "\r") out += "\\r";
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029
             || code === 0xfeff || code === 0xfffe || code === 0xffff
             || (code >= 0xd800 && code <= 0xdfff)) {
      out += "\\u" + code.toString(16).padStart(4, "0");
    } else out += char;
  }
  return out + '"';
}

function literalOk(text) {
  return !/^[ \t]/.test(text) && !/[ \t]\n|[ \t]$/.test(text) && !/\r/.test(text)
    && !/[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(text)
    && !/[\u0085\u2028\u2029\ufeff]/.test(text) && !/\n\n+$/.test(text);
}

function literal(text, column) {
  const indent = " ".repeat(column);
  const chomp = text.endsWith("\n") ? "|" : "|-";
  const body = text.replace(/\n$/, "").split("\n")
    .map((line) => (line ? indent + line : "")).join("\n");
  return chomp + "\n" + body + "\n";
}

function plainKey(key) {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !WORDS.has(key.toLowerCase()) ? key : quoted(key);
}

// -- Text positions -------------------------------------------------------------------------

function endOf(pair) {
  const value = pair.value;
  return value && value.range ? value.range[2] : pair.key.range[2];
}

function lineStart(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function endOfLine(text, offset) {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end;
}

/** The start of the line after the one `offset` ends on (offset itself if a line starts there). */
function afterLine(text, offset) {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end + 1;
}

function columnOf(text, offset) {
  let start = lineStart(text, offset);
  let column = offset - start;
  if (offset === start) { // the indentation of this line
    while (text[start + column] === " ") column++;
  }
  return column;
}

function dashColumn(text, offset) {
  const start = lineStart(text, offset);
  const dash = text.slice(start, offset).lastIndexOf("-");
  return dash < 0 ? offset - start : dash;
}

// -- Values ---------------------------------------------------------------------------------

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isCollection(value) {
  return isObject(value) || Array.isArray(value);
}

function same(a, b) {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

function normal(value) {
  const pruned = prune(value);
  if (Array.isArray(pruned)) return pruned.map(normal);
  if (isObject(pruned)) {
    return Object.fromEntries(Object.entries(pruned).sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, normal(v)]));
  }
  return pruned;
}
