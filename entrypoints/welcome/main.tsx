import { createRoot } from 'react-dom/client';
import { WelcomeApp } from '@/components/welcome/welcome-app';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<WelcomeApp />);
