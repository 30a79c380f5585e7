/**
 * A local SMTP server that takes every mail and keeps nothing, in its own process (so that
 * receiving does not share the sender's event loop): prints `{"port": N}` once listening.
 *   node --import tsx bench/lib/smtp-sink.ts
 */
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // As many connections as any sender opens.
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('end', () => callback());
    stream.resume();
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address() as { port: number };
  console.log(JSON.stringify({ port: address.port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
