/** Worker-thread entry: parses batches of files for workerParseStage. */
import { parentPort } from 'node:worker_threads';
import { readAndParse, type ParseRequest, type ParseResponse } from './parseStage.js';

parentPort?.on('message', (request: ParseRequest) => {
  const parsed = request.files.map((file) => readAndParse(file, request.maxBytes, request.stories));
  parentPort!.postMessage({ id: request.id, parsed } satisfies ParseResponse);
});
