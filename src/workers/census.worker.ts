// The census worker's entry: exposes censusApi over comlink.
import * as Comlink from 'comlink';
import { censusApi } from './censusApi';

Comlink.expose(censusApi);
