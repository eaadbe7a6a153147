/**
 * `tutor ask --json - | head -1` or `npm start | head` closes stdout early: that is the reader's
 * choice, not an error, so exit quietly instead of crashing with EPIPE.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
