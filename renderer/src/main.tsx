import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyInitialTheme } from './hooks/useTheme';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/sidebar.css';
import './styles/list.css';
import './styles/reader.css';
import './styles/dialogs.css';
import './styles/export.css';
import './styles/selection.css';
import './styles/tags.css';
import './styles/highlights.css';
import './styles/stories.css';

// Set the theme before the first paint so a dark-mode user never sees a white flash.
applyInitialTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
