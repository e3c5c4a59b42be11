import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@fontsource/noto-sans-thai/thai-400.css';
import '@fontsource/noto-sans-thai/latin-400.css';
import '@fontsource/noto-sans-thai/thai-700.css';
import '@fontsource/noto-sans-thai/latin-700.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { i18nReady } from './app/i18n/index.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

await i18nReady;
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
