/**
 * An error whose message is for the user, already in their language. The server lets it through as is;
 * any other error is wrapped with a sentence saying that nothing was lost.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
