import './canvass.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { askSession, loadPack, startSession } from './api.ts';
import { App } from './App.tsx';
import { CanvassDb } from './db.ts';
import { BASE } from './router.ts';
import { createStore, TurfOpener, type CanvassServices } from './services.tsx';
import { registerServiceWorker } from './sw-register.ts';
import { createSyncLoop } from './sync.ts';

// The app's pages all sit under /canvass/, the service worker's scope.
if (!window.location.pathname.startsWith(BASE)) window.history.replaceState(null, '', BASE);

const db = new CanvassDb();
const services: CanvassServices = {
  db,
  sync: createSyncLoop({ db, askSession, events: window, page: document }),
  turfs: new TurfOpener(db, { loadPack, startSession }),
  flash: createStore(null),
  lastAddress: createStore(null),
  update: createStore(null),
};
// Visits wait here until the server has them: ask the browser not to evict the database.
void navigator.storage?.persist?.().catch(() => false);
services.sync.start();
registerServiceWorker(services.update);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from canvass.html');
createRoot(root).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);
