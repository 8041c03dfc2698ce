/**
 * A bare Fastify "hello world" on the same Node and Fastify as Relais: the ceiling the requests
 * benchmark compares Relais's creation throughput with (started by bench/requests.ts in its own process).
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT ?? 18999), host: process.env.HOST ?? '127.0.0.1' });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
