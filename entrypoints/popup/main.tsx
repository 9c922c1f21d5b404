import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/app';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<PopupApp />);
