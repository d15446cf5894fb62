// `node examples/legacy-crm` runs main.ts: tsx compiles the TypeScript as it is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
