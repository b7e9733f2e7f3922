// The Web Worker entry: exposes the API over comlink.
import * as Comlink from 'comlink';
import { api } from './api';

Comlink.expose(api);
