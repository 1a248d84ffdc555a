// The memory store keeps the same contract as the SQLite one (one body, store-contract.ts).
import { MemoryStore } from './memory-store.ts';
import { storeContract } from './store-contract.ts';

storeContract('MemoryStore', (clock) => {
  const store = new MemoryStore({ clock });
  return { connect: () => store, cleanup: () => store.close() };
});
