import { z } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Installs the zod error map: form validation yields the same i18n keys as the host.
import '../../shared/kernel/validation';
import './app/i18n';
import { App } from './app/App';

// The CSP forbids eval; tell zod not to probe for it (the probe shows up as a CSP violation).
z.config({ jitless: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
