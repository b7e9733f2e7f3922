// The escape worker's entry (the escape-time distribution): exposes escapeApi over comlink.
import * as Comlink from 'comlink';
import { escapeApi } from './escapeApi';

Comlink.expose(escapeApi);
