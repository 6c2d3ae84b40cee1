// Child process for the status store durability tests: allocates entries in a FileStatusListStore
// one after another and prints each jti once its allocate() has resolved (so it must be on disk).
// Usage: node status-store-child.mjs FILE PREFIX COUNT
import { FileStatusListStore } from '@candor/cli';

const [file, prefix, count] = process.argv.slice(2);
const store = new FileStatusListStore(file, { size: 4096 });
for (let i = 0; i < Number(count); i++) {
  const jti = `${prefix}-${i}`;
  await store.allocate(jti, 'https://id.example.com/status/1');
  process.stdout.write(`${jti}\n`);
}
