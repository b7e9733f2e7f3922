// The spectrum worker's entry: exposes spectrumApi over comlink.
import * as Comlink from 'comlink';
import { spectrumApi } from './spectrumApi';

Comlink.expose(spectrumApi);
