// The recording worker run from the TypeScript sources (development, tests). Node 20 applies
// no `--import` loader to a worker's entry module, so tsx is registered here before it loads.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
