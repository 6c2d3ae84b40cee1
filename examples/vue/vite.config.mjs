// `npm run example:vue`: serves this folder with Vite. The app's templates are compiled in the
// browser, so `vue` resolves to its build with the template compiler; every `candor-*` tag is a
// custom element, not a Vue component (compilerOptions.isCustomElement in main.ts).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  server: { host: '127.0.0.1', port: 5174 },
});
