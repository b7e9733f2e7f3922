import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startExperiment } from './state/controller';
import { useStore } from './state/store';
import { exposeTestHooks } from './state/testHooks';
import './styles.css';

exposeTestHooks();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startExperiment(useStore.getState().experiment);
