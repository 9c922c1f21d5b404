import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/side-panel/app';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<SidePanelApp />);
