// Decap CMS starts itself as soon as it loads, unless told to wait: voisinage-cms.js registers
// the records' YAML format first, then starts it.
window.CMS_MANUAL_INIT = true;
