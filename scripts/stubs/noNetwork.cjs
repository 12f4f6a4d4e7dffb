// Bundled in place of node-fetch and sync-fetch, which citation-js carries for looking up
// DOIs and URLs online. Gleaner only formats citations it already has: nothing in the app
// fetches through citation-js, and the bundle keeps no network client it does not use.
'use strict';
function refuse() {
  throw new Error('Gleaner does not fetch citation data from the network');
}
module.exports = refuse;
module.exports.default = refuse;
module.exports.Headers = class Headers {};
module.exports.Request = class Request {};
module.exports.Response = class Response {};
