// The wire contract between server and client: import from here.
export * from './ops.ts';
export * from './schema.ts';
export * from './server-messages.ts';
export * from './codec.ts';
export * from './moves.ts';
export * from './view.ts';
