import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { UpdateNotice } from './components/UpdateNotice';
import { registerServiceWorker } from './state/appUpdate';
import { exposeTestHooks } from './state/testHooks';
import { startUrlSync } from './state/urlSync';
import './styles.css';

exposeTestHooks();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdateNotice />
  </StrictMode>,
);
void startUrlSync();
registerServiceWorker();
