// autocannon as the benches use it: without turning every response body into a string. autocannon keeps each body
// as text for checks the benches never ask for (expectBody, verifyBody, onResponse), and decoding gzip as UTF-8 took
// 12 of the load generator's 51 s of CPU in a bench:load run, on the same 2 cores as the server it measures.
import autocannon from 'autocannon';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const queue = require('autocannon/lib/pipelinedRequestsQueue.js') as {
  prototype: { addBody: (data: Buffer) => void };
};
queue.prototype.addBody = () => {};

export default autocannon;
