// `npm run example:react`: serves this folder with Vite. @candor/react resolves to the built
// workspace package (packages/react/dist), so `npm run build` (or the script's build step) comes first.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173 },
});
