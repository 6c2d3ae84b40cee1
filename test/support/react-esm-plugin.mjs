// React ships CommonJS only, which a browser cannot import. This @web/test-runner plugin serves
// React as ES modules: esbuild bundles `react`, its JSX runtimes, `react-dom`, `react-dom/client`
// and `react-dom/server` (development builds, browser versions) once, sharing one copy of React
// between them, and bare imports of those names resolve to the bundles under /__react/.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const modules = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client', 'react-dom/server'];
const require = createRequire(import.meta.url);
const fileOf = (name) => `${name.replace(/\//g, '__')}.js`;
const IDENT = /^[A-Za-z_$][\w$]*$/;

/** An ES module re-exporting a CommonJS module's default and each of its named exports. */
function wrapper(name) {
  const names = Object.keys(require(name)).filter((k) => IDENT.test(k) && k !== 'default');
  return `import m from ${JSON.stringify(name)};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
}

async function bundle() {
  const result = await build({
    entryPoints: Object.fromEntries(modules.map((m) => [fileOf(m).slice(0, -3), `candor-react-esm:${m}`])),
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    outdir: '/__react',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'candor-react-esm-entries',
        setup(b) {
          b.onResolve({ filter: /^candor-react-esm:/ }, (args) => ({ path: args.path.slice('candor-react-esm:'.length), namespace: 'candor-react-esm' }));
          b.onLoad({ filter: /.*/, namespace: 'candor-react-esm' }, (args) => ({ contents: wrapper(args.path), resolveDir: process.cwd(), loader: 'js' }));
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((f) => [`/__react/${f.path.split('/').pop()}`, f.text]));
}

export function reactEsmPlugin() {
  let files;
  return {
    name: 'candor-react-esm',
    async serverStart() {
      files = await bundle();
    },
    resolveImport({ source }) {
      if (modules.includes(source)) return `/__react/${fileOf(source)}`;
    },
    serve(context) {
      const body = files?.get(context.path);
      if (body !== undefined) return { body, type: 'js' };
    },
  };
}
