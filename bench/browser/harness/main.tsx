// The harness page: window.__batchHarness gives Playwright the batch engines (bench and
// agreement tests); the page itself shows the panels for a look (?panels).
import { exposeHarness } from './harnessApi';

exposeHarness();
document.getElementById('root')!.textContent = 'batch harness ready';
