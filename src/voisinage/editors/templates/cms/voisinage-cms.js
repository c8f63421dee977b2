// The web editor of the records: Decap CMS with the records' own YAML format (voisinage-yaml.js:
// read as `voisinage check` reads it, written back by editing the text in place).
import { read, write } from "./voisinage-yaml.js";

window.CMS.registerCustomFormat("voisinage-yaml", "yml", {
  fromFile: (text) => read(text),
  toFile: (data, order) => write(data, order || []),
});
window.CMS.init();
