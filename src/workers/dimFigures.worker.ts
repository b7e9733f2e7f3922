// The entry of a worker of the figures in d dimensions: exposes dimFiguresApi over comlink.
import * as Comlink from 'comlink';
import { dimFiguresApi } from './dimFiguresApi';

Comlink.expose(dimFiguresApi);
