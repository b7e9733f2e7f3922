// The batch worker's entry (basin and sweep maps): exposes batchApi over comlink.
import * as Comlink from 'comlink';
import { batchApi } from './batchApi';

Comlink.expose(batchApi);
