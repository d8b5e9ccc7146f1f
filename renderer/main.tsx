import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBackendWiring } from './app/backend-wiring';
import { installGlobalErrorHandlers } from './app/global-errors';
import { createAppRouter } from './app/router';
import { startUiEffects } from './app/ui-effects';
import { createI18n } from './i18n';
import { useUi } from './stores/ui';
import './styles/base.css';

// Wiring happens once here, outside components: stores are fed by the backend, not by screens.
installGlobalErrorHandlers();
const i18n = createI18n(useUi.getState().language);
startUiEffects(document.documentElement, i18n);
startBackendWiring();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} router={createAppRouter()} />
  </StrictMode>,
);
