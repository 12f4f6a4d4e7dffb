/** An error a transport can send as-is: the code survives the trip, the message is for people. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'not-found' | 'bad-request' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
